package io.tillpoint.infrastructure.messaging;

import java.util.List;

/**
 * The persistent JMS queues every event goes to, one per consumer: their physical names (what an
 * MDB's activation config names with {@code destination}) and the application's lookup names
 * (defined with {@code @JMSDestinationDefinition} on {@link EventPublisher}).
 */
public final class EventQueues {

    /** The risk engine's queue. */
    public static final String RISK = "tillpoint_risk";
    /** The webhook dispatcher's queue. */
    public static final String WEBHOOKS = "tillpoint_webhooks";

    public static final String RISK_LOOKUP = "java:app/jms/RiskEvents";
    public static final String WEBHOOKS_LOOKUP = "java:app/jms/WebhookEvents";

    /** Every queue the relay publishes each event to. */
    public static final List<String> ALL = List.of(RISK, WEBHOOKS);

    private EventQueues() {
    }

    public static boolean isQueue(String name) {
        return ALL.contains(name);
    }
}
