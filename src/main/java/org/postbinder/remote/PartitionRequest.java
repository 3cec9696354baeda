package org.postbinder.remote;

import org.springframework.batch.integration.partition.StepExecutionRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * One partition of a crawl, as it travels through the queue: the step to run and the id of its
 * step execution in the shared job repository, which holds everything else (the partition's lanes,
 * the job's parameters). Sent as JSON rather than as a serialized Java object, so that a worker
 * never deserializes classes named by a message.
 */
record PartitionRequest(String step, long stepExecutionId) {

    static PartitionRequest of(StepExecutionRequest request) {
        return new PartitionRequest(request.getStepName(), request.getStepExecutionId());
    }

    String toJson(JsonMapper json) {
        return json.writeValueAsString(this);
    }

    static PartitionRequest fromJson(JsonMapper json, String text) {
        return json.readValue(text, PartitionRequest.class);
    }
}
