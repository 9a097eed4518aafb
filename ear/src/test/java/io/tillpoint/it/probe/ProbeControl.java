package io.tillpoint.it.probe;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.infrastructure.messaging.EventMessages;
import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Test only: drives {@link ProbeConsumer}. {@code POST /it-probe/control?op=send&merchant=&subject=&copies=}
 * sends one event (as the relay would) {@code copies} times and answers its id;
 * {@code op=send-batch&merchant=&subject=a,b,c&copies=} one batch of an event per subject, as the
 * relay sends a round, {@code copies} times, and answers their ids (comma-separated); {@code op=send-garbage&merchant=} a message that is not an event; {@code op=fail&subject=&on=true|false};
 * {@code GET ?op=handled&event=} how often the consumer handled that event.
 */
@WebServlet("/control")
public class ProbeControl extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private transient ConnectionFactory factory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AtomicInteger handled = ProbeConsumer.HANDLED.get(request.getParameter("event"));
        response.getWriter().write(String.valueOf(handled == null ? 0 : handled.get()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String op = request.getParameter("op");
        String merchant = request.getParameter("merchant");
        String subject = request.getParameter("subject");
        switch (op) {
            case "fail" -> {
                if (Boolean.parseBoolean(request.getParameter("on"))) {
                    ProbeConsumer.FAILING.add(subject);
                } else {
                    ProbeConsumer.FAILING.remove(subject);
                }
            }
            case "send" -> {
                DomainEvent event = DomainEvent.of(EventType.PAYMENT_CAPTURED, merchant, subject, Instant.now(),
                        "{\"id\":\"" + subject + "\"}", "{}");
                int copies = Integer.parseInt(request.getParameter("copies"));
                try (JMSContext jms = factory.createContext()) {
                    for (int i = 0; i < copies; i++) {
                        jms.createProducer().setProperty(EventMessages.EVENT_ID, event.id().value())
                                .setProperty(EventMessages.EVENT_TYPE, event.type().wireName())
                                .setProperty(EventMessages.MERCHANT_ID, merchant)
                                .send(jms.createQueue(ProbeConsumer.QUEUE), EventMessages.body(event));
                    }
                }
                response.getWriter().write(event.id().value());
            }
            case "send-batch" -> {
                List<DomainEvent> events = new ArrayList<>();
                for (String one : subject.split(",")) {
                    events.add(DomainEvent.of(EventType.PAYMENT_CAPTURED, merchant, one, Instant.now(),
                            "{\"id\":\"" + one + "\"}", "{}"));
                }
                int copies = Integer.parseInt(request.getParameter("copies"));
                try (JMSContext jms = factory.createContext()) {
                    for (int i = 0; i < copies; i++) {
                        jms.createProducer().setProperty(EventMessages.EVENT_COUNT, events.size())
                                .send(jms.createQueue(ProbeConsumer.QUEUE), EventMessages.batchBody(events));
                    }
                }
                response.getWriter().write(events.stream().map(e -> e.id().value()).collect(Collectors.joining(",")));
            }
            case "send-garbage" -> {
                try (JMSContext jms = factory.createContext()) {
                    jms.createProducer().setProperty(EventMessages.MERCHANT_ID, merchant)
                            .send(jms.createQueue(ProbeConsumer.QUEUE), "not an event, card 4242424242424242");
                }
            }
            default -> response.sendError(400);
        }
    }
}
