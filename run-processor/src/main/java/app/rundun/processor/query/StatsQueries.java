package app.rundun.processor.query;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.processor.stats.TemplateStatsView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal read of a template's statistics, on the instance owning the template's partition.
 */
@RestController
class StatsQueries {

  private final Owner owner;
  private final LocalAnswers answers;

  StatsQueries(Owner owner, LocalAnswers answers) {
    this.owner = owner;
    this.answers = answers;
  }

  @GetMapping(InternalPaths.TEMPLATE_STATS)
  Answer stats(
      TemplateId template, @RequestParam String org, Mode mode, HttpServletRequest request) {
    return answers.answer(
        TemplateStatsView.STORE,
        template.value(),
        request,
        located ->
            new TemplateStatsView(owner.<TemplateStats>localStore(TemplateStatsView.STORE, located))
                .of(new OrgId(org), mode, template));
  }
}
