package fish.payara.microprofile.jwtauth.eesecurity;

import jakarta.security.enterprise.credential.Credential;

/**
 * Stand-in for Payara's MicroProfile JWT credential (same name, same public shape), which the
 * unit tests do not have on their class path: the API builds it by name. The container tests
 * use the server's own.
 */
public class SignedJWTCredential implements Credential {

    private final String signedJWT;

    public SignedJWTCredential(String signedJWT) {
        this.signedJWT = signedJWT;
    }

    public String getSignedJWT() {
        return signedJWT;
    }
}
