import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tillpoint.client.rest.ApiClient;
import io.tillpoint.client.rest.ApiException;
import io.tillpoint.client.rest.ApiResponse;
import io.tillpoint.client.rest.api.AuthApi;
import io.tillpoint.client.rest.api.PaymentsApi;
import io.tillpoint.client.rest.model.AccessToken;
import io.tillpoint.client.rest.model.CaptureMode;
import io.tillpoint.client.rest.model.CaptureRequest;
import io.tillpoint.client.rest.model.CardInput;
import io.tillpoint.client.rest.model.CreatePayment;
import io.tillpoint.client.rest.model.Payment;
import io.tillpoint.client.rest.model.PaymentList;
import io.tillpoint.client.rest.model.PaymentMethodInput;
import io.tillpoint.client.rest.model.Refund;
import io.tillpoint.client.rest.model.RefundList;
import io.tillpoint.client.rest.model.RefundRequest;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant's program on the Java client that OpenAPI Generator made from the live /openapi
 * document (GeneratedClientsIT compiles it against that client and runs it). It goes through a
 * payment's life and prints what each step answered, one {@code name=value} a line; the test
 * asserts on the lines. Arguments: base URL, client id, client secret, another merchant's payment id.
 */
public class RestLifecycle {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(base + "/api/v1");
        AccessToken token = new AuthApi(anonymous).createToken("client_credentials", args[1], args[2]);
        print("token_type", token.getTokenType());
        print("expires_in", token.getExpiresIn());
        PaymentsApi payments = new PaymentsApi(client(base, token.getAccessToken()));

        String key = UUID.randomUUID().toString();
        CreatePayment create = payment(5000, CaptureMode.MANUAL, "4242424242424242");
        ApiResponse<Payment> first = payments.createPaymentWithHttpInfo(create, key);
        ApiResponse<Payment> replay = payments.createPaymentWithHttpInfo(create, key);
        String id = first.getData().getId();
        print("create.http", first.getStatusCode());
        print("create.status", first.getData().getStatus());
        print("create.last4", first.getData().getPaymentMethod().getCard().getLast4());
        print("create.replayed", first.getHeaders().getOrDefault("idempotent-replayed", java.util.List.of("-")).get(0));
        print("replay.http", replay.getStatusCode());
        print("replay.same_id", replay.getData().getId().equals(id));
        print("replay.replayed", replay.getHeaders().getOrDefault("idempotent-replayed", java.util.List.of("-")).get(0));
        print("reused_key", problem(() -> payments.createPayment(payment(5001, CaptureMode.MANUAL, "4242424242424242"), key)));

        Payment captured = payments.capturePayment(id, UUID.randomUUID().toString(), new CaptureRequest().amount(4000L));
        print("capture.status", captured.getStatus());
        print("capture.amount_captured", captured.getAmountCaptured());
        for (long amount : new long[] {1000, 1500}) {
            Refund refund = payments.refundPayment(id, UUID.randomUUID().toString(),
                    new RefundRequest().amount(amount).reason("partial"));
            print("refund." + amount + ".status", refund.getStatus());
        }
        print("refund.too_much", problem(() -> payments.refundPayment(id, null, new RefundRequest().amount(1501L))));
        RefundList refunds = payments.listRefunds(id);
        print("refunds.count", refunds.getData().size());
        Payment refunded = payments.getPayment(id);
        print("get.status", refunded.getStatus());
        print("get.amount_refunded", refunded.getAmountRefunded());

        Payment toVoid = payments.createPayment(payment(700, CaptureMode.MANUAL, "4242424242424242"), null);
        Payment voided = payments.voidPayment(toVoid.getId(), UUID.randomUUID().toString());
        print("void.status", voided.getStatus());
        // An optional body left null is posted as the JSON literal null, which the API refuses as
        // malformed: an empty request object is "no amount".
        print("capture_voided", problem(() -> payments.capturePayment(toVoid.getId(), null, new CaptureRequest())));

        PaymentList page = payments.listPayments(null, null, null, null, 10, null);
        print("list.count", page.getData().size());
        print("list.has_more", page.getHasMore());
        print("list.newest_first", page.getData().get(0).getId().equals(toVoid.getId()));

        PaymentsApi wrongToken = new PaymentsApi(client(base, token.getAccessToken() + "x"));
        print("wrong_token", problem(() -> wrongToken.getPayment(id)));
        print("other_merchant", problem(() -> payments.getPayment(args[3])));
        print("invalid_card", problem(() -> payments.createPayment(payment(900, CaptureMode.AUTOMATIC, "4242424242424241"), null)));
    }

    static ApiClient client(String base, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base + "/api/v1");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    static CreatePayment payment(long amount, CaptureMode capture, String number) {
        return new CreatePayment().amount(amount).currency("USD").capture(capture)
                .reference("generated-" + UUID.randomUUID()).metadata(Map.of("erp_order", "4711"))
                .paymentMethod(new PaymentMethodInput().type(PaymentMethodInput.TypeEnum.CARD)
                        .card(new CardInput().number(number).expMonth(12).expYear(java.time.Year.now().getValue() + 3).cvc("123")));
    }

    interface Call {
        Object run() throws ApiException;
    }

    /** The refusal a call met, as {@code <http status> <code> <param>}; the call's success is a failure here. */
    static String problem(Call call) throws Exception {
        try {
            call.run();
            return "no refusal";
        } catch (ApiException e) {
            JsonNode problem = JSON.readTree(e.getResponseBody());
            return e.getCode() + " " + problem.path("code").asText() + " " + problem.path("param").asText("-");
        }
    }

    static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
