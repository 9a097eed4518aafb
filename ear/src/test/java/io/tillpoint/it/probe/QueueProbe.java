package io.tillpoint.it.probe;

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
 * queue for one merchant, browsed, not consumed. {@code GET /it-probe/queue?name=&merchant=}
 * -> {@code [{"eventId","eventType","merchantId","redelivered","body"}]}.
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
                QueueBrowser browser = jms.createBrowser(jms.createQueue(queue), "merchantId = '" + merchant + "'")) {
            Enumeration<?> waiting = browser.getEnumeration();
            while (waiting.hasMoreElements()) {
                Message m = (Message) waiting.nextElement();
                messages.add(Json.createObjectBuilder()
                        .add("eventId", m.getStringProperty("eventId"))
                        .add("eventType", m.getStringProperty("eventType"))
                        .add("merchantId", m.getStringProperty("merchantId"))
                        .add("persistent", m.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT)
                        .add("body", ((TextMessage) m).getText()));
            }
        } catch (JMSException e) {
            throw new IOException(e);
        }
        response.setContentType("application/json");
        response.getWriter().write(messages.build().toString());
    }
}
