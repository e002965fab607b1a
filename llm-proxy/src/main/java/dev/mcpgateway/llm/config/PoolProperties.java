package dev.mcpgateway.llm.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;
import java.util.Map;

/** One entry of {@code llm.pools.<id>}: members, their weights and priority groups, affinity, routed names. */
@EachProperty("llm.pools")
public class PoolProperties {

    private final String id;
    private List<String> backends = List.of();
    private Map<String, Integer> weights = Map.of();
    private Map<String, Integer> priorities = Map.of();
    private String sessionAffinity;
    private String affinityName;
    private List<String> models = List.of();

    public PoolProperties(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public List<String> getBackends() {
        return backends;
    }

    public void setBackends(List<String> backends) {
        this.backends = backends;
    }

    public Map<String, Integer> getWeights() {
        return weights;
    }

    public void setWeights(Map<String, Integer> weights) {
        this.weights = weights;
    }

    public Map<String, Integer> getPriorities() {
        return priorities;
    }

    public void setPriorities(Map<String, Integer> priorities) {
        this.priorities = priorities;
    }

    /** {@code cookie} or {@code header}; absent = no affinity. */
    public String getSessionAffinity() {
        return sessionAffinity;
    }

    public void setSessionAffinity(String sessionAffinity) {
        this.sessionAffinity = sessionAffinity;
    }

    public String getAffinityName() {
        return affinityName;
    }

    public void setAffinityName(String affinityName) {
        this.affinityName = affinityName;
    }

    public List<String> getModels() {
        return models;
    }

    public void setModels(List<String> models) {
        this.models = models;
    }
}
