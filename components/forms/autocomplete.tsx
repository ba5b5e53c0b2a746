'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Field, inputClasses } from '@/components/forms/field';

/**
 * An accessible autocomplete: the ARIA 1.2 « combobox » pattern with a listbox popup
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
 * - the text box has role=combobox, aria-expanded, aria-controls, aria-activedescendant; the
 *   options stay in the list, DOM focus stays in the text box;
 * - ↓/↑ move through the options (↓ opens the list), Entrée chooses, Échap closes the list (a
 *   second Échap empties the box), Tab leaves; a click chooses too;
 * - the search runs after a pause in typing (debounce), late answers are ignored, and a polite
 *   live region announces the number of results.
 * Generic over the option type: the caller gives `search`, `getKey`, `getLabel` and `onSelect`.
 * Single choice (the chosen label stays in the box; typing again drops the choice via `onClear`)
 * or repeated choices (`clearOnSelect`: the box empties after each choice, e.g. a list of diplômes).
 */
export interface AutocompleteProps<T> {
  id: string;
  label: ReactNode;
  /** accessible name of the popup list */
  listLabel: string;
  search: (q: string) => Promise<T[]>;
  getKey: (option: T) => string;
  getLabel: (option: T) => string;
  onSelect: (option: T) => void;
  /** single choice: the current choice (its label is shown in the box) */
  value?: T | null;
  /** single choice: called when the user edits the text of a chosen value */
  onClear?: () => void;
  /** repeated choices: empty the box after each choice */
  clearOnSelect?: boolean;
  renderOption?: (option: T) => ReactNode;
  /** announced after a choice; defaults to « <label> : choisi. » */
  selectedMessage?: (option: T) => string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  minChars?: number;
  debounceMs?: number;
  placeholder?: string;
  /** react-hook-form's field.ref, so that a failed submit can focus the box */
  ref?: Ref<HTMLInputElement>;
  name?: string;
  onBlur?: () => void;
}

type Status = 'idle' | 'loading' | 'done' | 'error';

export function Autocomplete<T>({
  id,
  label,
  listLabel,
  search,
  getKey,
  getLabel,
  onSelect,
  value = null,
  onClear,
  clearOnSelect = false,
  renderOption,
  selectedMessage,
  required,
  hint,
  error,
  minChars = 2,
  debounceMs = 250,
  placeholder,
  ref,
  name,
  onBlur,
}: AutocompleteProps<T>) {
  const listboxId = `${id}-listbox`;
  const instructionsId = `${id}-instructions`;
  const uid = useId();
  const [text, setText] = useState(() => (value ? getLabel(value) : ''));
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>('idle');
  const [announcement, setAnnouncement] = useState('');
  const [searched, setSearched] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sequence = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);

  // a choice made from outside (prefill, reset) shows its label in the box
  const valueKey = value ? getKey(value) : null;
  const [shownKey, setShownKey] = useState(valueKey);
  if (valueKey !== shownKey) {
    setShownKey(valueKey);
    if (value && !clearOnSelect) setText(getLabel(value));
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // keep the active option visible in a scrolled list
  useEffect(() => {
    if (!open || active < 0) return;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, open]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const runSearch = (q: string) => {
    const seq = ++sequence.current;
    setStatus('loading');
    search(q)
      .then((results) => {
        if (seq !== sequence.current) return; // a later search was started: ignore this answer
        setOptions(results);
        setSearched(q);
        setStatus('done');
        setActive(-1);
        setOpen(results.length > 0);
        setAnnouncement(
          results.length === 0
            ? `Aucun résultat pour « ${q} ».`
            : `${results.length} résultat${results.length > 1 ? 's' : ''} disponible${results.length > 1 ? 's' : ''}. Utilisez les flèches haut et bas pour les parcourir, puis Entrée pour choisir.`,
        );
      })
      .catch(() => {
        if (seq !== sequence.current) return;
        setStatus('error');
        setOptions([]);
        close();
        setAnnouncement("La recherche n'a pas abouti : réessayez dans quelques instants.");
      });
  };

  const onChange = (next: string) => {
    setText(next);
    if (value && !clearOnSelect && next !== getLabel(value)) onClear?.();
    if (timer.current) clearTimeout(timer.current);
    const q = next.trim();
    if (q.length < minChars) {
      sequence.current++; // drop any answer still on its way
      setOptions([]);
      setStatus('idle');
      setAnnouncement('');
      close();
      return;
    }
    timer.current = setTimeout(() => runSearch(q), debounceMs);
  };

  const choose = (option: T) => {
    onSelect(option);
    setText(clearOnSelect ? '' : getLabel(option));
    if (clearOnSelect) {
      setOptions([]);
      setStatus('idle');
    }
    close();
    setAnnouncement(selectedMessage ? selectedMessage(option) : `${getLabel(option)} : choisi.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
        if (n === 0) return;
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(e.altKey ? -1 : 0);
        } else {
          setActive((i) => (i + 1) % n);
        }
        break;
      case 'ArrowUp':
        if (n === 0) return;
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(n - 1);
        } else {
          setActive((i) => (i <= 0 ? n - 1 : i - 1));
        }
        break;
      case 'Enter':
        if (!open) return; // the form is submitted as usual
        e.preventDefault(); // never submit the form while the list is open
        if (active >= 0 && active < n) choose(options[active]!);
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else if (text) {
          e.preventDefault();
          onChange('');
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  };

  const activeId = open && active >= 0 ? `${uid}-option-${active}` : undefined;
  const defaultHint = `Saisissez au moins ${minChars} caractères, puis choisissez dans la liste avec les flèches et la touche Entrée.`;

  return (
    <Field
      id={id}
      label={label}
      required={required}
      hint={
        <>
          {hint && <span className="block">{hint}</span>}
          <span id={instructionsId} className="block">
            {defaultHint}
          </span>
        </>
      }
      error={error}
    >
      {(describedBy) => (
        <div className="relative">
          <input
            ref={ref}
            id={id}
            name={name}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listboxId}
            aria-activedescendant={activeId}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            aria-required={required || undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder}
            className={inputClasses(Boolean(error))}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => {
              close();
              onBlur?.();
            }}
          />
          <ul
            ref={listRef}
            id={listboxId}
            role="listbox"
            aria-label={listLabel}
            hidden={!open}
            className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto border border-gris bg-white shadow-lg"
          >
            {options.map((option, i) => (
              <li
                key={getKey(option)}
                id={`${uid}-option-${i}`}
                data-index={i}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-bleu text-white' : 'hover:bg-bleu-clair'}`}
                // keep the focus in the text box: the click chooses without blurring it first
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
              >
                {renderOption ? renderOption(option) : getLabel(option)}
              </li>
            ))}
          </ul>
          <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
            {announcement}
          </div>
          {status === 'done' && options.length === 0 && searched && (
            <p className="mt-1 text-sm" aria-hidden="true">
              Aucun résultat pour « {searched} ». Vérifiez l&apos;orthographe ou essayez un autre mot.
            </p>
          )}
          {status === 'error' && (
            <p className="mt-1 text-sm text-rouge" aria-hidden="true">
              La recherche n&apos;a pas abouti : réessayez dans quelques instants.
            </p>
          )}
        </div>
      )}
    </Field>
  );
}
