import { type ThemeChoice as Choice, useTheme } from "@open-trade/ui/theme";

const CHOICES: readonly { value: Choice; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "Same as this device" },
];

/** The theme as three radio buttons (the header's toggle cycles through the same choices). */
export function ThemeChoice() {
  const { theme, setTheme } = useTheme();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">Theme</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="theme"
            value={c.value}
            checked={theme === c.value}
            onChange={() => setTheme(c.value)}
            className="size-4 accent-primary"
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
