import { z } from "zod";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * An endpoint that will be sent API keys: https, or plain http only to this machine (a stand-in server or
 * a local proxy), and never with a user name or password inside the URL, where logs would copy it.
 */
export const endpointUrlSchema = z.url({ protocol: /^https?$/ }).refine((text) => {
  // Refinements run even when the URL check above failed.
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "https:" || LOOPBACK.has(url.hostname)) && !url.username && !url.password;
});
