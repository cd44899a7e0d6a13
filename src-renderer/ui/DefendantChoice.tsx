import type { ReactNode } from 'react';

interface Props {
  legend: ReactNode;
  defendants: ReadonlyArray<{ id: string; name: string }>;
  selected: readonly string[];
  onChange: (update: (selected: string[]) => string[]) => void;
  /** The reason none may be left unticked, shown above the boxes and linked to the group. */
  problem: string | null;
  problemId: string;
  className: string;
}

/** Which defendants something is for (a document served, a check-in): one checkbox each. */
export function DefendantChoice({ legend, defendants, selected, onChange, problem, problemId, className }: Props) {
  return (
    <fieldset className={className} aria-describedby={problem !== null ? problemId : undefined}>
      <legend className={typeof legend === 'string' ? 'label' : undefined}>{legend}</legend>
      {problem !== null ? (
        <p className="error-message" id={problemId}>
          {problem}
        </p>
      ) : null}
      {defendants.map((defendant) => (
        <label key={defendant.id} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(defendant.id)}
            onChange={(event) => onChange((all) => (event.target.checked ? [...all, defendant.id] : all.filter((id) => id !== defendant.id)))}
          />
          {defendant.name}
        </label>
      ))}
    </fieldset>
  );
}
