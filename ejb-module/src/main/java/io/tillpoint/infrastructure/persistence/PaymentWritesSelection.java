package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.payment.PaymentWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One statement per step where the database can take it (PostgreSQL), JPA everywhere else. */
@ApplicationScoped
public class PaymentWritesSelection {

    @Produces
    @ApplicationScoped
    PaymentWrites paymentWrites(@ConfigProperty(name = "tillpoint.db.url") String databaseUrl,
            JpaPaymentWrites jpa, PostgresPaymentWrites postgres) {
        return databaseUrl.startsWith("jdbc:postgresql:") ? postgres : jpa;
    }
}
