package io.tillpoint.interfaces.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class UsernameTokenTest {

    private static final String WSSE = "xmlns:wsse=\"" + UsernameToken.WSSE + "\"";

    private static Element header(String inner) throws Exception {
        String xml = "<h " + WSSE + " xmlns:wsu=\"urn:wsu\">" + inner + "</h>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultNSInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static Optional<UsernameToken> in(String inner) throws Exception {
        return UsernameToken.in(header(inner));
    }

    @Test
    void the_client_id_and_secret_are_read_from_a_password_text_token() throws Exception {
        UsernameToken token = in("<wsse:Security soapenv:mustUnderstand=\"1\" xmlns:soapenv=\"urn:s\">"
                + "<wsu:Timestamp><wsu:Created>2026-12-04T10:00:00Z</wsu:Created></wsu:Timestamp>"
                + "<wsse:UsernameToken><wsse:Username> cli_1 </wsse:Username>"
                + "<wsse:Password Type=\"" + UsernameToken.PASSWORD_TEXT + "\">sk_secret</wsse:Password>"
                + "</wsse:UsernameToken></wsse:Security>").orElseThrow();
        assertThat(token.username()).isEqualTo("cli_1");
        assertThat(token.password()).isEqualTo("sk_secret");
        assertThat(token.toString()).doesNotContain("sk_secret");
        assertThat(in("<wsse:Security><wsse:UsernameToken><wsse:Username>cli_2</wsse:Username>"
                + "<wsse:Password>sk_2</wsse:Password></wsse:UsernameToken></wsse:Security>").orElseThrow().password())
                .isEqualTo("sk_2");
    }

    @Test
    void no_security_header_or_no_token_in_it_is_no_credentials() throws Exception {
        assertThat(UsernameToken.in(null)).isEmpty();
        assertThat(in("<other/>")).isEmpty();
        assertThat(in("<wsse:Security><wsu:Timestamp/></wsse:Security>")).isEmpty();
    }

    @Test
    void a_digest_a_missing_part_or_two_tokens_are_refused() {
        assertThatThrownBy(() -> in("<wsse:Security><wsse:UsernameToken><wsse:Username>cli_1</wsse:Username>"
                + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
                + "#PasswordDigest\">abc=</wsse:Password></wsse:UsernameToken></wsse:Security>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PasswordText");
        assertThatThrownBy(() -> in("<wsse:Security><wsse:UsernameToken><wsse:Username>cli_1</wsse:Username>"
                + "</wsse:UsernameToken></wsse:Security>"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> in("<wsse:Security><wsse:UsernameToken><wsse:Username>cli_1</wsse:Username>"
                + "<wsse:Password>  </wsse:Password></wsse:UsernameToken></wsse:Security>"))
                .isInstanceOf(InvalidInputException.class);
        String token = "<wsse:UsernameToken><wsse:Username>a</wsse:Username><wsse:Password>b</wsse:Password></wsse:UsernameToken>";
        assertThatThrownBy(() -> in("<wsse:Security>" + token + token + "</wsse:Security>"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most once");
        assertThatThrownBy(() -> in("<wsse:Security>" + token + "</wsse:Security><wsse:Security/>"))
                .isInstanceOf(InvalidInputException.class);
    }
}
