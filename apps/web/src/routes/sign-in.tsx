import { Button } from "@open-trade/ui/button";
import { Card } from "@open-trade/ui/card";
import { Field } from "@open-trade/ui/field";
import { Input } from "@open-trade/ui/input";
import { ThemeToggle } from "@open-trade/ui/theme";
import { createFileRoute, Link, redirect, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";

const searchSchema = z.object({
  mode: z.enum(["sign-in", "sign-up"]).default("sign-in").catch("sign-in"),
  redirect: z.string().startsWith("/").optional().catch(undefined),
});

export const Route = createFileRoute("/sign-in")({
  validateSearch: searchSchema,
  beforeLoad: ({ context, search }) => {
    if (context.auth.user()) throw redirect({ to: search.redirect ?? "/" });
  },
  component: SignIn,
});

function SignIn() {
  const { mode, redirect: next } = Route.useSearch();
  const { auth } = Route.useRouteContext();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === "sign-up";

  const submit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    try {
      await (signingUp ? auth.signUp(email, password) : auth.signIn(email, password));
      await navigate({ to: next ?? "/" });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Sign-in failed.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center gap-4 p-4">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <Card className="w-full max-w-sm p-6">
        <h1 className="text-xl font-semibold">
          {signingUp ? "Create your account" : "Sign in to Open Trade"}
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {auth.mode === "local" ? "Local account on this machine." : "Signed in through Supabase."}
        </p>
        <form
          className="mt-4 flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(new FormData(e.currentTarget));
          }}
        >
          <Field label="Email">
            {(ids) => <Input {...ids} name="email" type="email" autoComplete="email" required />}
          </Field>
          <Field label="Password" help={signingUp ? "At least 10 characters." : undefined}>
            {(ids) => (
              <Input
                {...ids}
                name="password"
                type="password"
                autoComplete={signingUp ? "new-password" : "current-password"}
                minLength={signingUp ? 10 : undefined}
                required
              />
            )}
          </Field>
          {error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={busy}>
            {busy ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
          </Button>
        </form>
        <p className="mt-4 text-sm">
          {signingUp ? "Already have an account? " : "New to Open Trade? "}
          <Link
            to="/sign-in"
            search={{ mode: signingUp ? "sign-in" : "sign-up", redirect: next }}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {signingUp ? "Sign in" : "Create an account"}
          </Link>
        </p>
      </Card>
    </main>
  );
}
