package io.tillpoint.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The REST application: bearer tokens verified by MicroProfile JWT (RS256). */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "tillpoint")
@DeclareRoles({Roles.MERCHANT, Roles.PLATFORM_ADMIN})
public class TillpointApi extends Application {
}
