package io.tillpoint.it.probe;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.infrastructure.messaging.EventConsumer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: a consumer built on the product's {@link EventConsumer}, on a queue of its own,
 * that fails on the subjects it is told to fail on and counts what it handled.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ProbeConsumer.QUEUE)})
public class ProbeConsumer extends EventConsumer {

    public static final String QUEUE = "tillpoint_it_probe";
    public static final String NAME = "it-probe";

    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();

    @Override
    protected String consumer() {
        return NAME;
    }

    @Override
    protected void consume(DomainEvent event) {
        if (FAILING.contains(event.subjectId())) {
            throw new IllegalStateException("the probe was told to fail on " + event.subjectId()
                    + " (card 4242424242424242 in the message is masked)");
        }
        HANDLED.computeIfAbsent(event.id().value(), id -> new AtomicInteger()).incrementAndGet();
    }
}
