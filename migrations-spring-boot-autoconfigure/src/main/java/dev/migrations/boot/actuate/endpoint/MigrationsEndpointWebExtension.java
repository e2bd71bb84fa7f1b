package dev.migrations.boot.actuate.endpoint;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.MimeType;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the {@link MigrationsEndpoint}:
 * {@code GET /actuator/migrations/graph} gives the revision graph as Mermaid text
 * ({@code text/plain}), what {@code migrations graph} prints; any other {@code GET
 * /actuator/migrations/{revision}} gives that revision, as the endpoint does. (So a
 * revision whose id is {@code graph} cannot be read over HTTP on its own; it shows in
 * {@code GET /actuator/migrations}.) {@code GET /actuator/migrations/fleet} gives the
 * fleet (counts per state, heads histogram, problem targets) and {@code GET
 * /actuator/migrations/fleet/{target}} one of its targets.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	/** The path segment, after {@code /actuator/migrations/}, of the graph. */
	public static final String GRAPH = "graph";

	/** The path segment, after {@code /actuator/migrations/}, of the fleet. */
	public static final String FLEET = "fleet";

	private static final MimeType TEXT = MimeType.valueOf("text/plain;charset=UTF-8");

	private final MigrationsEndpoint endpoint;

	public MigrationsEndpointWebExtension(MigrationsEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * The graph for {@value #GRAPH}, else one revision; 404 when there is none.
	 * @param revision {@value #GRAPH} or a revision id
	 */
	@ReadOperation
	public WebEndpointResponse<Object> revision(@Selector String revision) {
		Object body = GRAPH.equals(revision) ? this.endpoint.graph()
				: FLEET.equals(revision) ? this.endpoint.fleet() : this.endpoint.revision(revision);
		if (body == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return (body instanceof String) ? new WebEndpointResponse<>(body, TEXT) : new WebEndpointResponse<>(body);
	}

	/**
	 * {@code GET /actuator/migrations/fleet/{target}}: one target of the fleet, from its
	 * latest results; 404 for another first segment, without a fleet or such a target.
	 * @param section {@value #FLEET}
	 * @param target the target's id
	 */
	@ReadOperation
	public WebEndpointResponse<Object> fleetTarget(@Selector String section, @Selector String target) {
		Object body = FLEET.equals(section) ? this.endpoint.fleetTarget(target) : null;
		return (body != null) ? new WebEndpointResponse<>(body)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
