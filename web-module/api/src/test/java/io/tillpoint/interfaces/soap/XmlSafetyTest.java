package io.tillpoint.interfaces.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlSafetyTest {

    private static final String ENVELOPE_START = "<s:Envelope xmlns:s=\"" + XmlSafety.SOAP_11 + "\"><s:Body>";
    private static final String ENVELOPE_END = "</s:Body></s:Envelope>";

    private static XmlSafety.Refusal check(String xml) {
        return XmlSafety.check(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_plain_envelope_passes() {
        assertThat(check("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ENVELOPE_START
                + "<tp:GetPayment xmlns:tp=\"urn:x\"><tp:payment_id>pay_1</tp:payment_id></tp:GetPayment>" + ENVELOPE_END))
                .isNull();
    }

    @Test
    void an_external_entity_is_refused_and_its_file_is_never_read(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        XmlSafety.Refusal refusal = check("<!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>" + ENVELOPE_START
                + "<a>&x;</a>" + ENVELOPE_END);
        assertThat(refusal.code()).isEqualTo("dtd_not_allowed");
        assertThat(refusal.detail()).doesNotContain("top secret");
        assertThat(check("<!DOCTYPE e SYSTEM \"" + dir.resolve("none.dtd").toUri() + "\">" + ENVELOPE_START + ENVELOPE_END).code())
                .isEqualTo("dtd_not_allowed");
    }

    @Test
    void an_entity_expansion_bomb_is_refused() {
        StringBuilder lol = new StringBuilder("<!DOCTYPE l [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]>").append(ENVELOPE_START).append("<a>&l9;</a>").append(ENVELOPE_END);
        assertThat(check(lol.toString()).code()).isEqualTo("dtd_not_allowed");
    }

    @Test
    void an_undeclared_entity_reference_and_a_processing_instruction_are_refused() {
        assertThat(check(ENVELOPE_START + "<a>&x;</a>" + ENVELOPE_END)).isNotNull();
        assertThat(check(ENVELOPE_START + "<?php echo 1; ?>" + ENVELOPE_END).code()).isEqualTo("malformed_xml");
    }

    @Test
    void only_a_well_formed_soap_11_envelope_within_the_limits_passes() {
        assertThat(check("").code()).isEqualTo("invalid_request");
        assertThat(check("<html/>").code()).isEqualTo("invalid_request");
        assertThat(check("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>").code()).isEqualTo("invalid_request");
        assertThat(check(ENVELOPE_START).code()).isEqualTo("malformed_xml");
        assertThat(check(ENVELOPE_START + "<a>".repeat(40) + "</a>".repeat(40) + ENVELOPE_END).code()).isEqualTo("malformed_xml");
        assertThat(check(ENVELOPE_START + "<a/>".repeat(XmlSafety.MOST_ELEMENTS) + ENVELOPE_END).code()).isEqualTo("malformed_xml");
        assertThat(check(ENVELOPE_START + "<a/>".repeat(100) + ENVELOPE_END)).isNull();
    }
}
