import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@open-trade/ui/card";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, Loading } from "../../components/states.tsx";
import { CredentialsCard } from "../../features/settings/credentials-card.tsx";
import { RiskProfileForm } from "../../features/settings/risk-profile-form.tsx";
import { ThemeChoice } from "../../features/settings/theme-choice.tsx";

export const Route = createFileRoute("/_app/settings")({ component: Settings });

function Settings() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.riskProfile.get.queryOptions());
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Card>
        <CardHeader>
          <CardTitle>Risk profile</CardTitle>
          <CardDescription>
            Your defaults and your global budget. The risk engine enforces them; no model can change them.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {profile.isPending ? (
            <Loading label="your risk profile" rows={4} />
          ) : profile.isError ? (
            <ErrorState error={profile.error} retry={() => void profile.refetch()} />
          ) : (
            <RiskProfileForm profile={profile.data} />
          )}
        </CardContent>
      </Card>
      <CredentialsCard />
      <Card>
        <CardHeader>
          <CardTitle>Theme</CardTitle>
        </CardHeader>
        <CardContent>
          <ThemeChoice />
        </CardContent>
      </Card>
    </div>
  );
}
