package io.tillpoint.domain.model.payment;

/** The merchant's descriptive fields of a payment, already validated. */
public record PaymentDetails(String reference, String description, Metadata metadata, Customer customer) {
}
