package io.tillpoint.domain.model.webhook;

import static io.tillpoint.domain.shared.DomainAssertions.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18: webhook URLs that point at loopback, private, link-local or metadata addresses are
 * refused (400 on {@code url}) unless the operator allows private ones; the host is resolved and
 * every address it stands for is checked.
 */
class AddressRulesTest {

    @Nested
    class Kinds {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.20, PRIVATE",
            "198.18.0.1, PRIVATE", "192.0.0.8, PRIVATE", "fec0::1, PRIVATE",
            "169.254.1.1, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "100.64.0.1, CARRIER_GRADE_NAT", "100.127.255.254, CARRIER_GRADE_NAT",
            "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
            "169.254.169.254, METADATA", "fd00:ec2::254, METADATA", "100.100.100.200, METADATA",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
            "240.0.0.1, RESERVED", "255.255.255.255, RESERVED",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:10.1.2.3, PRIVATE", "::ffff:169.254.169.254, METADATA",
            "64:ff9b::a9fe:a9fe, METADATA", "2002:7f00:1::, LOOPBACK", "::10.0.0.1, PRIVATE",
            "93.184.216.34, PUBLIC", "8.8.8.8, PUBLIC", "172.32.0.1, PUBLIC", "172.15.255.255, PUBLIC",
            "100.63.255.255, PUBLIC", "100.128.0.1, PUBLIC", "169.253.0.1, PUBLIC", "192.169.0.1, PUBLIC",
            "2606:4700::1111, PUBLIC", "2001:db8::1, PUBLIC", "fd00:ec2::253, UNIQUE_LOCAL"
        })
        void eachAddressHasItsKind(String address, AddressKind kind) throws Exception {
            assertThat(AddressKind.of(InetAddress.getByName(address))).isEqualTo(kind);
        }

        @Test
        void theOperatorsSettingAllowsThePrivateKindsButNeverMetadataOrUnspecifiedOrMulticast() {
            for (AddressKind kind : List.of(AddressKind.LOOPBACK, AddressKind.PRIVATE, AddressKind.LINK_LOCAL,
                    AddressKind.CARRIER_GRADE_NAT, AddressKind.UNIQUE_LOCAL)) {
                assertThat(kind.refused(false)).as(kind + " without the setting").isTrue();
                assertThat(kind.refused(true)).as(kind + " with the setting").isFalse();
            }
            for (AddressKind kind : List.of(AddressKind.METADATA, AddressKind.UNSPECIFIED, AddressKind.MULTICAST,
                    AddressKind.RESERVED)) {
                assertThat(kind.refused(true)).as(kind + " with the setting").isTrue();
            }
            assertThat(AddressKind.PUBLIC.refused(false)).isFalse();
        }
    }

    @Nested
    class Resolution {

        private final Map<String, List<String>> dns = Map.of(
                "hooks.example.com", List.of("93.184.216.34"),
                "localhost", List.of("127.0.0.1", "::1"),
                "internal.example.com", List.of("10.20.30.40"),
                "split.example.com", List.of("93.184.216.34", "192.168.0.5"),
                "metadata.example.com", List.of("169.254.169.254"));
        private final HostResolver resolver = host -> {
            List<String> found = dns.get(host);
            if (found == null) {
                if (!host.matches("[0-9.:a-f]+")) {
                    throw new UnknownHostException(host);
                }
                return List.of(InetAddress.getByName(host));
            }
            return found.stream().map(a -> {
                try {
                    return InetAddress.getByName(a);
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        };
        private final ReceiverAddresses withoutSetting = new ReceiverAddresses(resolver, false);
        private final ReceiverAddresses withSetting = new ReceiverAddresses(resolver, true);

        @Test
        void aPublicHostIsAllowedWithTheAddressesItResolvedTo() throws Exception {
            assertThat(withoutSetting.check(WebhookUrl.parse("https://hooks.example.com/tillpoint")))
                    .containsExactly(InetAddress.getByName("93.184.216.34"));
        }

        @Test
        void aHostThatResolvesToLoopbackOrAPrivateNetworkIsRefusedWithoutTheSetting() {
            InvalidInputException loopback = invalidInput(() -> withoutSetting.check(WebhookUrl.parse("http://localhost:8080/")));
            assertThat(loopback.param()).isEqualTo("url");
            assertThat(loopback.getMessage()).contains("loopback");

            assertThat(invalidInput(() -> withoutSetting.check(WebhookUrl.parse("https://internal.example.com/h")))
                    .getMessage()).contains("private");
            assertThat(invalidInput(() -> withoutSetting.check(WebhookUrl.parse("http://10.0.0.7/h"))).param())
                    .isEqualTo("url");
            assertThat(invalidInput(() -> withoutSetting.check(WebhookUrl.parse("http://[::1]:9000/h"))).param())
                    .isEqualTo("url");
        }

        @Test
        void oneRefusedAddressAmongSeveralRefusesTheHost() {
            assertThat(invalidInput(() -> withoutSetting.check(WebhookUrl.parse("https://split.example.com/")))
                    .param()).isEqualTo("url");
        }

        @Test
        void withTheSettingPrivateAndLoopbackHostsAreAllowedButAMetadataServiceNever() {
            assertThat(withSetting.check(WebhookUrl.parse("http://localhost:8080/"))).hasSize(2);
            assertThat(withSetting.check(WebhookUrl.parse("https://internal.example.com/h"))).hasSize(1);

            assertThat(invalidInput(() -> withSetting.check(WebhookUrl.parse("http://169.254.169.254/latest/meta-data")))
                    .getMessage()).contains("metadata");
            assertThat(invalidInput(() -> withSetting.check(WebhookUrl.parse("http://metadata.example.com/")))
                    .getMessage()).contains("metadata");
            assertThat(invalidInput(() -> withSetting.check(WebhookUrl.parse("http://0.0.0.0:8080/"))).param())
                    .isEqualTo("url");
        }

        @Test
        void aHostThatDoesNotResolveIsRefused() {
            InvalidInputException refusal = invalidInput(() -> withSetting.check(WebhookUrl.parse("https://nowhere.invalid/")));
            assertThat(refusal.param()).isEqualTo("url");
            assertThat(refusal.getMessage()).contains("does not resolve");
        }

        @Test
        void aRefusalNeverShowsTheAddressTheHostResolvedTo() {
            assertThat(invalidInput(() -> withoutSetting.check(WebhookUrl.parse("https://internal.example.com/h")))
                    .getMessage()).doesNotContain("10.20.30.40");
        }
    }
}
