package org.postbinder.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.postbinder.schedule.RunControl;
import org.postbinder.web.Views.JobView;
import org.postbinder.web.Views.RunDetail;
import org.postbinder.web.Views.RunView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API: the same jobs, runs and archives as the page, and the operator's actions. Runs
 * start in the background: starting and restarting answer 202 with the run's URL.
 */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
class ApiController {

    private final RunViews views;
    private final RunControl control;

    ApiController(RunViews views, RunControl control) {
        this.views = views;
        this.control = control;
    }

    @Operation(summary = "The jobs in jobs/, with their schedule, next run and latest run")
    @GetMapping("/jobs")
    List<JobView> jobs() {
        return views.jobs();
    }

    @Operation(summary = "One job")
    @GetMapping("/jobs/{job}")
    JobView job(@PathVariable String job) {
        return views.job(WebPaths.job(job)).orElseThrow(() -> new NotFoundException("no job " + job));
    }

    @Operation(summary = "A job's runs, newest first (at most limit, up to 500)")
    @GetMapping("/jobs/{job}/runs")
    List<RunView> runs(@PathVariable String job, @RequestParam(defaultValue = "20") int limit) {
        return views.runs(WebPaths.job(job), Math.max(1, Math.min(limit, 500)));
    }

    @Operation(summary = "A run: its executions, steps, skipped URLs by reason and published files")
    @GetMapping("/jobs/{job}/runs/{run}")
    RunDetail run(@PathVariable String job, @PathVariable String run) {
        return views.run(WebPaths.job(job), WebPaths.run(run))
                .orElseThrow(() -> new NotFoundException("no run " + run + " of job " + job));
    }

    @Operation(summary = "Start a run now (operator); 409 when the job is already running")
    @PostMapping("/jobs/{job}/runs")
    ResponseEntity<Map<String, String>> start(@PathVariable String job) {
        return accepted(job, control.startNow(WebPaths.job(job)), "started");
    }

    @Operation(summary = "Restart a failed or stopped run where it stopped (operator); 409 when there is nothing to restart")
    @PostMapping("/jobs/{job}/runs/{run}/restart")
    ResponseEntity<Map<String, String>> restart(@PathVariable String job, @PathVariable String run) {
        control.restart(WebPaths.job(job), WebPaths.run(run));
        return accepted(job, run, "restarted");
    }

    @Operation(summary = "Stop a running run at its next chunk boundary (operator); it can be restarted")
    @PostMapping("/jobs/{job}/runs/{run}/stop")
    ResponseEntity<Map<String, String>> stop(@PathVariable String job, @PathVariable String run) {
        if (!control.stop(WebPaths.job(job), WebPaths.run(run))) {
            throw new IllegalStateException("run " + run + " of job " + job + " is not running");
        }
        return accepted(job, run, "stopping");
    }

    private static ResponseEntity<Map<String, String>> accepted(String job, String run, String state) {
        String href = "/api" + RunViews.runPath(job, run);
        return ResponseEntity.accepted().location(URI.create(href))
                .body(Map.of("job", job, "run", run, "state", state, "href", href));
    }
}
