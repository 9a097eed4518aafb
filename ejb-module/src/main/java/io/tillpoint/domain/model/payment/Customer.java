package io.tillpoint.domain.model.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who pays, as the merchant describes them (all optional). */
@Embeddable
public class Customer {

    @Column(name = "customer_id", length = 255)
    private String id;

    @Column(name = "customer_email", length = 320)
    private String email;

    @Column(name = "customer_ip", length = 45)
    private String ip;

    @Column(name = "customer_country", length = 2)
    private String country;

    protected Customer() {
    }

    public Customer(String id, String email, String ip, String country) {
        this.id = id;
        this.email = email;
        this.ip = ip;
        this.country = country;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String ip() {
        return ip;
    }

    public String country() {
        return country;
    }
}
