package org.postbinder.web;

import java.util.NoSuchElementException;

import org.postbinder.job.JobBusyException;
import org.postbinder.schedule.RunControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web page: the jobs, a job's runs, a run in detail; buttons to run a job now, restart a run
 * and stop it. Server-rendered and usable without JavaScript (a running run's page reloads itself).
 */
@Controller
@ConditionalOnWebApplication
class PageController {

    /** Runs listed on a job's page. */
    private static final int RUNS_SHOWN = 50;

    private final RunViews views;
    private final RunControl control;

    PageController(RunViews views, RunControl control) {
        this.views = views;
        this.control = control;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String jobs(Model model) {
        model.addAttribute("jobs", views.jobs());
        return "jobs";
    }

    @GetMapping("/jobs/{job}")
    String job(@PathVariable String job, Model model) {
        model.addAttribute("job", views.job(WebPaths.job(job)).orElseThrow(() -> new NotFoundException("no job " + job)));
        model.addAttribute("runs", views.runs(job, RUNS_SHOWN));
        return "job";
    }

    @GetMapping("/jobs/{job}/runs/{run}")
    String run(@PathVariable String job, @PathVariable String run, Model model) {
        model.addAttribute("detail", views.run(WebPaths.job(job), WebPaths.run(run))
                .orElseThrow(() -> new NotFoundException("no run " + run + " of job " + job)));
        return "run";
    }

    @PostMapping("/jobs/{job}/runs")
    String runNow(@PathVariable String job, RedirectAttributes redirect) {
        return act(redirect, "/jobs/" + WebPaths.job(job), () -> {
            String run = control.startNow(job);
            redirect.addFlashAttribute("message", "Run " + run + " started.");
            return RunViews.runPath(job, run);
        });
    }

    @PostMapping("/jobs/{job}/runs/{run}/restart")
    String restart(@PathVariable String job, @PathVariable String run, RedirectAttributes redirect) {
        String page = RunViews.runPath(WebPaths.job(job), WebPaths.run(run));
        return act(redirect, page, () -> {
            control.restart(job, run);
            redirect.addFlashAttribute("message", "Run " + run + " restarted where it stopped.");
            return page;
        });
    }

    @PostMapping("/jobs/{job}/runs/{run}/stop")
    String stop(@PathVariable String job, @PathVariable String run, RedirectAttributes redirect) {
        String page = RunViews.runPath(WebPaths.job(job), WebPaths.run(run));
        return act(redirect, page, () -> {
            redirect.addFlashAttribute("message", control.stop(job, run)
                    ? "Stopping at the next chunk boundary; restart it later to continue." : "The run is not running.");
            return page;
        });
    }

    /** Runs an operator's action and goes to the page it names; a refusal is shown on {@code fallback}. */
    private static String act(RedirectAttributes redirect, String fallback, Action action) {
        try {
            return "redirect:" + action.perform();
        } catch (JobBusyException | IllegalStateException | IllegalArgumentException | NoSuchElementException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:" + fallback;
        }
    }

    @FunctionalInterface
    private interface Action {
        String perform();
    }
}
