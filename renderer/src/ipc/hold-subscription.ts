/** What `holdSubscription` is told: how to take and end the subscription, and whom to tell. */
export interface SubscriptionHold {
  watch: () => Promise<{ subscriptionId: string }>;
  unwatch: (subscriptionId: string) => void;
  onHeld: (subscriptionId: string) => void;
  onError: (failure: unknown) => void;
}

/**
 * Takes a host subscription for an effect and returns its cleanup: the cleanup ends it, and a subscription that
 * answers after the cleanup is ended at once; the callbacks run only while the effect is active.
 */
export function holdSubscription(hold: SubscriptionHold): () => void {
  let active = true;
  let subscriptionId: string | undefined;
  hold.watch().then(
    (answer) => {
      if (!active) {
        hold.unwatch(answer.subscriptionId);
        return;
      }
      subscriptionId = answer.subscriptionId;
      hold.onHeld(answer.subscriptionId);
    },
    (failure: unknown) => {
      if (active) hold.onError(failure);
    },
  );
  return () => {
    active = false;
    if (subscriptionId !== undefined) hold.unwatch(subscriptionId);
  };
}
