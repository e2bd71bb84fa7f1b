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
 * {@code GET /actuator/migrations}.)
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	/** The path segment, after {@code /actuator/migrations/}, of the graph. */
	public static final String GRAPH = "graph";

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
		Object body = GRAPH.equals(revision) ? this.endpoint.graph() : this.endpoint.revision(revision);
		if (body == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return (body instanceof String) ? new WebEndpointResponse<>(body, TEXT) : new WebEndpointResponse<>(body);
	}

}
