package dev.migrations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTests {

	@Test
	void writesNestedValuesIndented() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("name", "a \"quoted\" \\ name\nwith\ta control \u0001");
		value.put("count", 3);
		value.put("ok", true);
		value.put("nothing", null);
		value.put("when", Instant.parse("2025-01-02T03:04:05Z"));
		value.put("ids", List.of("a", "b"));
		value.put("empty", List.of());
		value.put("objects", List.of(Map.of("x", 1)));

		assertThat(print(value)).isEqualTo("""
				{
				  "name": "a \\"quoted\\" \\\\ name\\nwith\\ta control \\u0001",
				  "count": 3,
				  "ok": true,
				  "nothing": null,
				  "when": "2025-01-02T03:04:05Z",
				  "ids": ["a", "b"],
				  "empty": [],
				  "objects": [
				    {
				      "x": 1
				    }
				  ]
				}
				""");
	}

	private static String print(Object value) {
		StringWriter out = new StringWriter();
		Json.print(value, new PrintWriter(out));
		return out.toString();
	}

}
