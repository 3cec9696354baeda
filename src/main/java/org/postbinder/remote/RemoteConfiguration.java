package org.postbinder.remote;

import org.postbinder.crawl.CrawlRuns;
import org.postbinder.job.ArchiveJobConfiguration;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.StandardIntegrationFlow;

import tools.jackson.databind.json.JsonMapper;

/**
 * Remote partitioning over RabbitMQ, with {@code postbinder.remote.enabled=true}. The manager's half
 * (every process that runs jobs): {@code crawlPostsStep} hands its partitions to
 * {@link RemoteCrawlPartitions}, which sends one request per partition to the queue and polls the
 * shared job repository for their ends. The worker's half ({@code postbinder worker}, which starts
 * it): the queue's consumers hand each request to {@link PartitionWorker}, which runs the job's own
 * {@code crawlPartitionStep}. Nothing connects to the broker until a crawl sends or a worker starts.
 */
@Configuration
@ConditionalOnBooleanProperty("postbinder.remote.enabled")
// here rather than through Boot's integration module: the other commands need none of it
@EnableIntegration
class RemoteConfiguration {

    /** The requests' queue; durable, so partitions sent while no worker runs wait for one. */
    @Bean
    Queue crawlPartitionsQueue(RemoteProperties settings) {
        return new Queue(settings.queue(), true);
    }

    @Bean
    DirectChannel crawlPartitionRequests() {
        return new DirectChannel();
    }

    /** Each partition's request, as JSON, to the queue (through the default exchange, by the queue's name). */
    @Bean
    IntegrationFlow crawlPartitionsOut(DirectChannel crawlPartitionRequests, RabbitTemplate rabbit, JsonMapper json,
                                       RemoteProperties settings) {
        return IntegrationFlow.from(crawlPartitionRequests)
                .transform(StepExecutionRequest.class, request -> PartitionRequest.of(request).toJson(json))
                .handle(Amqp.outboundAdapter(rabbit).routingKey(settings.queue()).lazyConnect(true))
                .get();
    }

    @Bean
    RemoteCrawlPartitions remoteCrawlPartitions(DirectChannel crawlPartitionRequests, JobRepository repository,
                                                PartitionBeats beats, CrawlRuns runs, RemoteProperties settings)
            throws Exception {
        return new RemoteCrawlPartitions(sender(crawlPartitionRequests, repository, settings),
                new LostWorkers(beats, repository, runs, settings.heartbeatTimeout()), runs, repository, settings);
    }

    /**
     * Spring Batch Integration's handler, polling the job repository for the partitions' ends rather
     * than waiting for replies: a reply from a dead worker never comes, and the repository also
     * shows what {@link LostWorkers} decided. Not a bean: it is only the sending half of the one above.
     */
    private static PartitionHandler sender(DirectChannel requests, JobRepository repository, RemoteProperties settings)
            throws Exception {
        MessageChannelPartitionHandler sender = new MessageChannelPartitionHandler();
        sender.setStepName(ArchiveJobConfiguration.CRAWL_PARTITION_STEP);
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(requests);
        sender.setMessagingOperations(template);
        sender.setJobRepository(repository);
        sender.setPollInterval(settings.pollInterval().toMillis());
        sender.setTimeout(settings.partitionTimeout().isZero() ? -1 : settings.partitionTimeout().toMillis());
        sender.afterPropertiesSet();
        return sender;
    }

    @Bean
    PartitionWorker partitionWorker(JobRepository repository, @Qualifier("crawlPartitionStep") Step crawlPartitionStep,
                                    PartitionBeats beats, RemoteProperties settings) {
        return new PartitionWorker(repository, crawlPartitionStep, beats, settings);
    }

    /**
     * The worker's consumers: {@code worker-concurrency} of them, each taking one request at a time
     * (prefetch 1) and acknowledging it when its partition has ended, so that requests spread over
     * the workers rather than queue up behind a busy one. A request whose handling fails is dropped,
     * not delivered again and again. Started by {@code postbinder worker} only.
     */
    @Bean
    StandardIntegrationFlow crawlPartitionsIn(ConnectionFactory connections, PartitionWorker worker, JsonMapper json,
                                              RemoteProperties settings) {
        SimpleMessageListenerContainer consumers = new SimpleMessageListenerContainer(connections);
        consumers.setQueueNames(settings.queue());
        consumers.setConcurrentConsumers(settings.workerConcurrency());
        consumers.setPrefetchCount(1);
        consumers.setAcknowledgeMode(AcknowledgeMode.AUTO);
        consumers.setDefaultRequeueRejected(false);
        consumers.setAutoStartup(false);
        return IntegrationFlow.from(Amqp.inboundAdapter(consumers).autoStartup(false))
                .transform(String.class, text -> PartitionRequest.fromJson(json, text))
                .handle(PartitionRequest.class, (request, headers) -> {
                    worker.run(request);
                    return null;
                })
                .get();
    }
}
