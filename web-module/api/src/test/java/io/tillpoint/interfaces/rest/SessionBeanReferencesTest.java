package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.application.PaymentService;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Session beans are referenced with {@code @EJB}, never {@code @Inject}: through CDI, every call
 * to a session bean goes through Weld's enterprise proxy, which in Payara 6.2025.9 asks the EJB
 * container for the bean's business object and gets an exception built and thrown for it (about
 * 4 % of a payment's CPU for the three calls a payment makes). {@code @EJB} hands over the
 * container's own reference: the same interceptors, transactions and security, no detour.
 */
class SessionBeanReferencesTest {

    @Test
    void the_api_and_the_application_services_reference_session_beans_with_at_EJB() throws Exception {
        List<Class<?>> scanned = new ArrayList<>();
        scanned.addAll(CompiledClasses.besides(RoleGuard.class));
        scanned.addAll(CompiledClasses.besides(PaymentService.class));
        assertThat(scanned).contains(PaymentResource.class, IdempotencyFilter.class, PaymentService.class);

        List<String> injected = new ArrayList<>();
        for (Class<?> type : scanned) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class) && isSessionBean(field.getType())) {
                    injected.add(type.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(injected).as("session beans injected with @Inject instead of @EJB").isEmpty();
    }

    @Test
    void the_check_recognises_a_session_bean_injected_through_CDI() {
        assertThat(isSessionBean(PaymentService.class)).isTrue();
        Field field = Stream.of(InjectsThroughCdi.class.getDeclaredFields()).findFirst().orElseThrow();
        assertThat(field.isAnnotationPresent(Inject.class) && isSessionBean(field.getType())).isTrue();
    }

    private static boolean isSessionBean(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateful.class);
    }

    static class InjectsThroughCdi {
        @Inject
        PaymentService payments;
    }
}
