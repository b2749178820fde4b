package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The groups (folders, tags) of another app's export: a list of id and name, which the entries name by id. */
final class GroupNames {
    private final Map<String, String> names = new HashMap<>();

    private GroupNames() {
    }

    static final GroupNames NONE = new GroupNames();

    /** From {@code root[listKey]}: objects with {@code idKey} and {@code nameKey}; none when the list is missing. */
    static GroupNames of(JsonObject root, String listKey, String idKey, String nameKey) throws JsonFormatException {
        if (!(root.get(listKey) instanceof JsonArray)) {
            return NONE;
        }
        GroupNames groups = new GroupNames();
        JsonArray array = Json.array(root, listKey);
        for (int i = 0; i < array.size(); i++) {
            JsonObject group = Json.objectAt(array, i, Text.t("Group"));
            Object id = group.get(idKey);
            Object name = group.get(nameKey);
            if (id instanceof String && name instanceof String) {
                groups.names.put((String) id, (String) name);
            }
        }
        return groups;
    }

    /** The names of the ids that name a group; an unknown id (a group deleted in that app) names none. */
    List<String> named(List<?> ids) {
        List<String> found = new ArrayList<>();
        for (Object id : ids) {
            String name = id instanceof String ? names.get(id) : null;
            if (name != null) {
                found.add(name);
            }
        }
        return found;
    }

    /** The name of one id, as a list of none or one. */
    List<String> named(Object id) {
        return named(Collections.singletonList(id));
    }
}
