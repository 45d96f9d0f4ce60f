import { customType } from "drizzle-orm/pg-core";

// The money domains of the first migration. Values travel as exact decimal strings, never as JS numbers.

/** public.usd_amount: a USD amount with at most 6 decimals. */
export const usdAmount = customType<{ data: string; driverData: string }>({ dataType: () => "usd_amount" });

/** public.share_price: a price per share from 0 to 1 with at most 6 decimals. */
export const sharePrice = customType<{ data: string; driverData: string }>({ dataType: () => "share_price" });

/** public.share_quantity: a non-negative number of shares with at most 6 decimals. */
export const shareQuantity = customType<{ data: string; driverData: string }>({
  dataType: () => "share_quantity",
});
