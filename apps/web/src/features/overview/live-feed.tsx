import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { Link } from "@tanstack/react-router";
import { Ban, CircleCheck, CircleX, PauseCircle } from "lucide-react";
import { timeAgo, utcTime } from "../../lib/time.ts";
import { useFeed } from "../../live/feed.ts";

const ICONS = { fill: CircleCheck, denial: Ban, pause: PauseCircle, failure: CircleX } as const;
const WORDS = { fill: "Fill", denial: "Denied", pause: "Paused", failure: "Failed" } as const;

/** Fills, denials, pauses and failures as they arrive over the live streams. */
export function LiveFeed() {
  const feed = useFeed();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Live feed</CardTitle>
      </CardHeader>
      <CardContent>
        {feed.length === 0 ? (
          <p className="text-sm text-muted-foreground">Waiting for the next fill, denial or pause…</p>
        ) : (
          <ol className="flex max-h-72 flex-col gap-2 overflow-y-auto text-sm" aria-label="Latest events">
            {feed.map((item) => {
              const Icon = ICONS[item.kind];
              return (
                <li key={item.id} className="flex items-start gap-2" data-kind={item.kind}>
                  <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                  <div className="flex flex-col">
                    <span>
                      <strong>{WORDS[item.kind]}</strong> · {item.text}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      <time dateTime={item.at} title={utcTime(item.at)}>
                        {timeAgo(item.at)}
                      </time>
                      {item.evaluationId ? (
                        <>
                          {" · "}
                          <Link
                            to="/evaluations/$evaluationId"
                            params={{ evaluationId: item.evaluationId }}
                            className="text-primary hover:underline"
                          >
                            why
                          </Link>
                        </>
                      ) : null}
                    </span>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
