package io.tillpoint.domain.model.console;

import java.time.Instant;
import java.util.List;

/** Where the addresses console users signed in from are kept. */
public interface SignInOrigins {

    /** Records a sign-in of {@code username} from {@code ip}; true when it is the first from that address. */
    boolean record(String username, String ip, Instant now);

    /** The user's addresses first used since the user last looked, newest first. */
    List<SignInOrigin> unseen(String username);

    void markSeen(String username);

    /** The newest first sign-ins from an address, of every user. */
    List<SignInOrigin> newest(int limit);
}
