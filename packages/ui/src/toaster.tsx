import { Toaster as Sonner, toast } from "sonner";
import { useTheme } from "./theme.tsx";

/** Toasts follow the app theme; sonner announces them through a polite live region. */
export function Toaster() {
  const { theme } = useTheme();
  return <Sonner theme={theme} richColors closeButton position="bottom-right" />;
}

export { toast };
