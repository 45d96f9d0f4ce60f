import { Monitor, Moon, Sun } from "lucide-react";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { Button } from "./button.tsx";

export type ThemeChoice = "light" | "dark" | "system";
const STORAGE_KEY = "open-trade-theme";
const CHOICES: readonly ThemeChoice[] = ["light", "dark", "system"];

function readChoice(): ThemeChoice {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return CHOICES.find((c) => c === stored) ?? "system";
}

const prefersDark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;

const ThemeContext = createContext<{ theme: ThemeChoice; setTheme: (t: ThemeChoice) => void } | null>(null);

/** Keeps `.dark` on <html> in step with the user's choice, and with the system when they chose "system". */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState<ThemeChoice>(readChoice);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, theme);
    const apply = () =>
      document.documentElement.classList.toggle(
        "dark",
        theme === "dark" || (theme === "system" && prefersDark()),
      );
    apply();
    if (theme !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);
  return <ThemeContext.Provider value={{ theme, setTheme }}>{children}</ThemeContext.Provider>;
}

export function useTheme() {
  const value = useContext(ThemeContext);
  if (!value) throw new Error("useTheme needs a <ThemeProvider> above it.");
  return value;
}

const ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

/** Cycles light → dark → system; its label always says the current choice and what a click does. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const next = CHOICES[(CHOICES.indexOf(theme) + 1) % CHOICES.length] ?? "system";
  const Icon = ICONS[theme];
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Theme: ${theme}. Switch to ${next}.`}
      title={`Theme: ${theme}`}
      onClick={() => setTheme(next)}
    >
      <Icon aria-hidden="true" />
    </Button>
  );
}
