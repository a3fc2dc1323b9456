"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The basket lives in the browser (localStorage), per signed-in dealer: it is a scratch list
 * until the order is placed, needs no server round trip to change, survives reloads and is
 * shared by the search, part and basket pages. Prices and stock are never stored here: the
 * basket asks the server for them live.
 */
export interface BasketItem {
  partId: string;
  partCode: string;
  brandCode: string;
  description: string;
  quantity: number;
  /** Set when the part asked for was superseded and the basket switched to its replacement. */
  replacedFrom?: string;
}
export interface Basket {
  customerId: string | null;
  items: BasketItem[];
}

const EMPTY: Basket = { customerId: null, items: [] };
const listeners = new Set<() => void>();
/** Parsed value per storage key, so useSyncExternalStore sees a stable object until it changes. */
const cache = new Map<string, { raw: string | null; basket: Basket }>();

function read(key: string): Basket {
  const raw = typeof window === "undefined" ? null : window.localStorage.getItem(key);
  const hit = cache.get(key);
  if (hit && hit.raw === raw) return hit.basket;
  let basket = EMPTY;
  try {
    const parsed = raw ? (JSON.parse(raw) as Basket) : EMPTY;
    basket = {
      customerId: parsed.customerId ?? null,
      items: Array.isArray(parsed.items) ? parsed.items : [],
    };
  } catch {
    basket = EMPTY;
  }
  cache.set(key, { raw, basket });
  return basket;
}

function write(key: string, next: Basket) {
  window.localStorage.setItem(key, JSON.stringify(next));
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = () => listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** One basket per dealer, so a browser shared between dealers' sign-ins never mixes catalogs. */
export function useBasket(dealerId: string) {
  const key = `forecourt.parts.basket.${dealerId}`;
  const basket = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => EMPTY,
  );
  const update = useCallback((fn: (b: Basket) => Basket) => write(key, fn(read(key))), [key]);
  return {
    basket,
    add: (item: Omit<BasketItem, "quantity">, quantity = 1) =>
      update((b) =>
        b.items.some((i) => i.partId === item.partId)
          ? {
              ...b,
              items: b.items.map((i) =>
                i.partId === item.partId ? { ...i, quantity: i.quantity + quantity } : i,
              ),
            }
          : { ...b, items: [...b.items, { ...item, quantity }] },
      ),
    setQuantity: (partId: string, quantity: number) =>
      update((b) => ({ ...b, items: b.items.map((i) => (i.partId === partId ? { ...i, quantity } : i)) })),
    remove: (partId: string) => update((b) => ({ ...b, items: b.items.filter((i) => i.partId !== partId) })),
    replace: (partId: string, next: Omit<BasketItem, "quantity">) =>
      update((b) => {
        const old = b.items.find((i) => i.partId === partId);
        if (!old) return b;
        const rest = b.items.filter((i) => i.partId !== partId);
        const existing = rest.find((i) => i.partId === next.partId);
        if (existing)
          return {
            ...b,
            items: rest.map((i) => (i === existing ? { ...i, quantity: i.quantity + old.quantity } : i)),
          };
        return {
          ...b,
          items: b.items.map((i) => (i.partId === partId ? { ...next, quantity: old.quantity } : i)),
        };
      }),
    setCustomer: (customerId: string | null) => update((b) => ({ ...b, customerId })),
    clear: () => update(() => EMPTY),
  };
}
