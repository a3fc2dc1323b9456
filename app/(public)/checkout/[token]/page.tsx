import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatCents } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import { SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { PostalAddress } from "@/db/schema";
import {
  CHECKOUT_STEPS,
  type CheckoutStep,
  type CheckoutView,
  firstIncomplete,
  loadCheckout,
} from "@/lib/checkout/checkout-flow";
import { SHIPPING_FEE_CENTS } from "@/lib/checkout/pricing";
import { US_STATES } from "@/lib/checkout/states";
import { CartSummary } from "./_components/cart-summary";
import { OpenedBeacon } from "./_components/opened-beacon";
import {
  BuyerStep,
  DeliveryStep,
  PaymentOptionStep,
  PayStep,
  RegistrationStep,
  StartCheckout,
} from "./_components/steps";
import { SESSION_COOKIE } from "./form-input";

export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false } };

const STEP_TITLES: Record<CheckoutStep, string> = {
  buyer: "Your details",
  delivery: "Delivery",
  registration: "Registration",
  payment: "Payment option",
  pay: "Card payment",
};
const MAILING_STATES = [...US_STATES, "DC"].sort();

const addressValues = (prefix: string, a: PostalAddress | undefined | null): Record<string, string> =>
  a
    ? {
        [`${prefix}.street`]: a.street,
        [`${prefix}.line2`]: a.line2 ?? "",
        [`${prefix}.city`]: a.city,
        [`${prefix}.state`]: a.state,
        [`${prefix}.zip`]: a.zip,
      }
    : {};

/** Each step's starting values: what the buyer saved, else what the OEM prefilled. */
function defaultsFor(view: CheckoutView, step: CheckoutStep): Record<string, string> {
  const p = view.progress;
  const pre = view.prefilled ?? {};
  if (step === "buyer")
    return {
      firstName: p.buyer?.firstName ?? pre.buyerFirstName ?? "",
      lastName: p.buyer?.lastName ?? pre.buyerLastName ?? "",
      email: p.buyer?.email ?? pre.buyerEmail ?? "",
      phone: p.buyer?.phone ?? pre.buyerPhone ?? "",
    };
  if (step === "delivery") {
    const prefilledDealer = view.pickUpDealers.find((d) => d.slug === pre.pickUpLocation)?.id;
    return {
      method: p.delivery?.method ?? pre.selectedDeliveryOption ?? "PICK_UP",
      pickUpDealerId: p.delivery?.pickUpDealerId ?? prefilledDealer ?? view.dealerId,
      ...addressValues("shippingAddress", p.delivery?.shippingAddress ?? pre.shippingAddress),
    };
  }
  if (step === "registration") {
    const address = p.registration?.address ?? pre.registrationAddress;
    const mailing = p.registration?.mailingAddress ?? pre.mailingAddress;
    const same = !mailing || JSON.stringify(mailing) === JSON.stringify(address);
    return {
      type: p.registration?.type ?? pre.selectedRegistrationOption ?? "INDIVIDUAL",
      businessName: p.registration?.businessName ?? "",
      "address.state": view.registrationState ?? "",
      ...addressValues("address", address),
      mailingSameAsRegistration: same ? "on" : "",
      ...(same ? {} : addressValues("mailingAddress", mailing)),
    };
  }
  if (step === "payment") return { option: p.paymentOption ?? pre.selectedPaymentOption ?? "" };
  return {};
}

export default async function CheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  await connection();
  const { token } = await params;
  const { step: requested } = await searchParams;
  const secret = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  // Rendering only reads: the cart counts as opened when the beacon below reports a real visit.
  const view = loadCheckout(getDb(), token, secret);
  if (!view) notFound();

  const heading = view.linkName ?? `Check out with ${view.oemName}`;
  const intro = (
    <div className="grid gap-1">
      <p className="text-sm text-muted-foreground">
        {view.oemName} · fulfilled by <span className="font-medium text-foreground">{view.dealerName}</span>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{heading}</h1>
    </div>
  );

  if (view.placedOrder) return <Confirmation view={view} intro={intro} token={token} />;
  if (view.inactive)
    return (
      <LinkNotice
        view={view}
        intro={intro}
        label="Checkout no longer available"
        title="This checkout is no longer available"
      >
        {view.oemName} withdrew this cart. Return to {view.oemName} to check out your vehicle there.
      </LinkNotice>
    );
  if (view.used)
    return (
      <LinkNotice
        view={view}
        intro={intro}
        label="Link already used"
        title="This checkout link has already been used"
      >
        An order was placed with it, and it can only be used once. Contact {view.dealerName} or {view.oemName}{" "}
        if you need a new link.
      </LinkNotice>
    );

  const next = firstIncomplete(view.progress);
  const maxIndex = CHECKOUT_STEPS.indexOf(next);
  const asked = CHECKOUT_STEPS.find((s) => s === requested);
  const step: CheckoutStep | null = !view.started
    ? null
    : asked && CHECKOUT_STEPS.indexOf(asked) <= maxIndex
      ? asked
      : next;

  return (
    <div className="grid gap-6">
      <OpenedBeacon token={token} />
      {intro}
      {view.started ? <StepList current={step} reachable={maxIndex} token={token} /> : null}
      <SectionCard title="Your order" className="gap-4">
        <CartSummary view={view} />
      </SectionCard>
      <SectionCard title={step ? STEP_TITLES[step] : "Ready to check out?"} className="gap-4">
        {step === null ? (
          <div className="grid gap-3">
            <p className="text-sm text-muted-foreground">
              Review your order above. You will enter your details, choose delivery and registration, and pay
              securely. Prices are confirmed at every step.
            </p>
            <StartCheckout token={token} />
          </div>
        ) : step === "buyer" ? (
          <BuyerStep token={token} defaults={defaultsFor(view, "buyer")} />
        ) : step === "delivery" ? (
          <DeliveryStep
            token={token}
            defaults={defaultsFor(view, "delivery")}
            dealers={view.pickUpDealers}
            states={MAILING_STATES}
            shippingFee={formatCents(SHIPPING_FEE_CENTS)}
          />
        ) : step === "registration" ? (
          <RegistrationStep
            token={token}
            defaults={defaultsFor(view, "registration")}
            registrationStates={view.registrationStates}
            states={MAILING_STATES}
          />
        ) : step === "payment" ? (
          <PaymentOptionStep
            token={token}
            defaults={defaultsFor(view, "payment")}
            options={view.options.map((o) => ({
              option: o.option,
              label: o.label,
              description: o.description,
              dueNow: formatCents(o.amounts.dueNowCents),
              total: formatCents(o.amounts.totalCents),
            }))}
          />
        ) : (
          <PayStep
            token={token}
            amount={formatCents(view.chosen?.amounts.dueNowCents ?? 0)}
            dueNowCents={view.chosen?.amounts.dueNowCents ?? 0}
            revision={view.revision}
          />
        )}
      </SectionCard>
      <CancelLink view={view} label={`Cancel and return to ${view.oemName}`} />
    </div>
  );
}

/** Instead of the checkout: why this link cannot be used, and the way back to the OEM. */
function LinkNotice({
  view,
  intro,
  label,
  title,
  children,
}: {
  view: CheckoutView;
  intro: React.ReactNode;
  label: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid gap-6">
      {intro}
      <section
        aria-label={label}
        className="grid gap-2 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-950"
      >
        <h2 className="font-semibold">{title}</h2>
        <p className="text-sm">{children}</p>
      </section>
      <CancelLink view={view} label={`Back to ${view.oemName}`} />
    </div>
  );
}

function CancelLink({ view, label }: { view: CheckoutView; label: string }) {
  return (
    <a href={view.cancelUrl} className="text-sm text-muted-foreground underline underline-offset-4">
      {label}
    </a>
  );
}

function StepList({
  current,
  reachable,
  token,
}: {
  current: CheckoutStep | null;
  reachable: number;
  token: string;
}) {
  return (
    <nav aria-label="Checkout steps">
      <ol className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {CHECKOUT_STEPS.map((s, i) => {
          const label = `${i + 1}. ${STEP_TITLES[s]}`;
          if (s === current)
            return (
              <li key={s} aria-current="step" className="font-semibold text-primary">
                {label}
              </li>
            );
          return (
            <li key={s} className="text-muted-foreground">
              {i <= reachable ? (
                <Link href={`/checkout/${token}?step=${s}`} className="underline underline-offset-4">
                  {label}
                </Link>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Confirmation({ view, intro, token }: { view: CheckoutView; intro: React.ReactNode; token: string }) {
  const order = view.placedOrder!;
  const pickUp = view.pickUpDealers.find((d) => d.id === order.delivery.pickUpDealerId);
  return (
    <div className="grid gap-6">
      {intro}
      <section
        aria-label="Order confirmation"
        className="grid gap-2 rounded-lg border border-green-200 bg-green-50 p-4 text-green-900"
      >
        <h2 className="text-lg font-semibold">Your order is placed</h2>
        <p>
          Order <span className="font-mono font-medium break-all">{order.id}</span>. A confirmation email goes
          to {order.buyer.email}; {view.dealerName} will contact you about{" "}
          {order.delivery.method === "SHIP" ? "shipping" : `pick-up at ${pickUp?.name ?? view.dealerName}`}.
        </p>
        <p className="text-sm">
          Paid today {formatCents(order.paidCents)} with {order.cardBrand} ending {order.cardLast4}
          {order.amounts.balanceCents > 0 ? ` · balance ${formatCents(order.amounts.balanceCents)}` : ""}.
        </p>
        <div className="flex flex-wrap gap-2">
          <StatusBadge status={order.paymentStatus} />
          <StatusBadge status={order.fulfillmentStatus} />
        </div>
        {view.linkUseType === "SINGLE_USE" ? (
          <p className="text-sm">This link was for one order and cannot be used again.</p>
        ) : null}
      </section>
      {view.linkUseType === "MULTI_USE" && !view.inactive ? (
        <div className="grid gap-2">
          <p className="text-sm text-muted-foreground">Buying another vehicle from this offer?</p>
          <StartCheckout token={token} label="Start another order" />
        </div>
      ) : null}
      <CancelLink view={view} label={`Back to ${view.oemName}`} />
    </div>
  );
}
