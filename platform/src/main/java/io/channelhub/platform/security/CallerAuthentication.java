package io.channelhub.platform.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A validated bearer token turned into a {@link Caller}. The token says whom its bearer acts for in two claims,
 * {@value #KIND_CLAIM} (isv, reseller, customer, operator) and {@value #PARTY_CLAIM} (that party's id); an
 * identity provider adds them with a claim mapper. A token without them is refused as invalid (401), never
 * treated as anyone.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    public static final String KIND_CLAIM = "party_kind";
    public static final String PARTY_CLAIM = "party_id";

    private final Caller caller;
    private final transient Jwt token;

    private CallerAuthentication(Caller caller, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(caller.kind().authority())));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    /** The converter the resource server applies to every token that passed signature and expiry checks. */
    public static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return CallerAuthentication::of;
    }

    static CallerAuthentication of(Jwt jwt) {
        PartyKind kind = PartyKind.parse(jwt.getClaimAsString(KIND_CLAIM)).orElseThrow(
                () -> new InvalidBearerTokenException("The token names no party kind (claim " + KIND_CLAIM + ")"));
        String party = jwt.getClaimAsString(PARTY_CLAIM);
        if (party == null || party.isBlank()) {
            throw new InvalidBearerTokenException("The token names no party (claim " + PARTY_CLAIM + ")");
        }
        String subject = jwt.getSubject() == null ? party : jwt.getSubject();
        return new CallerAuthentication(new Caller(kind, party, subject), jwt);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
