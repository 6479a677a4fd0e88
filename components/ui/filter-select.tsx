// One filter of a list's GET form (the filters live in the URL): a labelled select whose first
// option, value "", means no filter.

export type FilterOption = { value: string; label: string };

export function FilterSelect({
  label,
  name,
  value,
  any,
  options,
  inline = false,
}: {
  label: string;
  name: string;
  value: string | undefined;
  /** The no-filter option's text, e.g. "All campaigns". */
  any: string;
  options: readonly FilterOption[];
  inline?: boolean;
}) {
  return (
    <label className={inline ? "field inline" : "field"}>
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
