"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import {
  createEndpoint,
  deleteEndpoint,
  resendDelivery,
  rotateEndpointSecret,
  sendTestEvent,
  updateEndpoint,
} from "@/lib/platform/webhooks/service";

const eventList = (raw: FormDataEntryValue | null) =>
  String(raw ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);

function endpointInput(form: FormData) {
  return {
    url: String(form.get("url") ?? ""),
    events: eventList(form.get("events")),
    description: String(form.get("description") ?? ""),
  };
}

export async function createEndpointAction(_prev: FormState, form: FormData) {
  return formAction(form, ({ db, actor }) => createEndpoint(db, actor, endpointInput(form)), {
    success: "Endpoint added. Copy its signing secret now.",
    revalidate: ["/webhooks"],
  });
}

export async function updateEndpointAction(_prev: FormState, form: FormData) {
  const id = String(form.get("id"));
  return formAction(
    form,
    ({ db, actor }) =>
      updateEndpoint(db, actor, id, { ...endpointInput(form), enabled: form.get("enabled") === "on" }),
    { success: "Endpoint saved.", revalidate: [`/webhooks/${id}`, "/webhooks"] },
  );
}

export async function rotateSecretAction(_prev: FormState, form: FormData) {
  const id = String(form.get("id"));
  return formAction(form, ({ db, actor }) => rotateEndpointSecret(db, actor, id), {
    success: "New secret created. The old one no longer signs deliveries.",
  });
}

export async function sendTestEventAction(_prev: FormState, form: FormData) {
  const id = String(form.get("id"));
  return formAction(form, ({ db, actor }) => sendTestEvent(db, actor, id), { success: "Test event sent." });
}

export async function resendDeliveryAction(_prev: FormState, form: FormData) {
  const id = String(form.get("deliveryId"));
  return formAction(form, ({ db, actor }) => resendDelivery(db, actor, id), {
    success: "Event queued again.",
  });
}

export async function deleteEndpointAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("id"));
  const state = await formAction(form, ({ db, actor }) => deleteEndpoint(db, actor, id));
  if (state.status === "ok") redirect("/webhooks");
  return state;
}
