package io.tillpoint.it.probe;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.infrastructure.messaging.EventMessages;
import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Test only (packaged into the EAR by EventsIT, never in the product): the messages waiting on a
 * queue for one merchant, browsed, not consumed, each event of a batch as one of its own.
 * {@code GET /it-probe/queue?name=&merchant=}
 * -> {@code [{"eventId","eventType","merchantId","persistent","batched","body"}]}.
 */
@WebServlet("/queue")
public class QueueProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private transient ConnectionFactory factory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String queue = request.getParameter("name");
        String merchant = request.getParameter("merchant");
        if (queue == null || !queue.matches("[a-z_]+") || merchant == null || !merchant.matches("[A-Za-z0-9_]+")) {
            response.sendError(400);
            return;
        }
        JsonArrayBuilder messages = Json.createArrayBuilder();
        try (JMSContext jms = factory.createContext();
                QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            Enumeration<?> waiting = browser.getEnumeration();
            while (waiting.hasMoreElements()) {
                Message m = (Message) waiting.nextElement();
                boolean persistent = m.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT;
                if (m.propertyExists(EventMessages.EVENT_COUNT)) {
                    // A batch: each of its events as if it were a message of its own.
                    for (DomainEvent event : EventMessages.parseBatch(((TextMessage) m).getText())) {
                        if (merchant.equals(event.merchantId())) {
                            messages.add(Json.createObjectBuilder()
                                    .add("eventId", event.id().value())
                                    .add("eventType", event.type().wireName())
                                    .add("merchantId", event.merchantId())
                                    .add("persistent", persistent)
                                    .add("batched", true)
                                    .add("body", EventMessages.body(event)));
                        }
                    }
                } else if (merchant.equals(m.getStringProperty(EventMessages.MERCHANT_ID))) {
                    messages.add(Json.createObjectBuilder()
                            .add("eventId", m.getStringProperty(EventMessages.EVENT_ID))
                            .add("eventType", m.getStringProperty(EventMessages.EVENT_TYPE))
                            .add("merchantId", m.getStringProperty(EventMessages.MERCHANT_ID))
                            .add("persistent", persistent)
                            .add("batched", false)
                            .add("body", ((TextMessage) m).getText()));
                }
            }
        } catch (JMSException e) {
            throw new IOException(e);
        }
        response.setContentType("application/json");
        response.getWriter().write(messages.build().toString());
    }
}
