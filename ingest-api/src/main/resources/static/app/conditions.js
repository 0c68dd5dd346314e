/*
 * Which steps a run's answers hide, by each step's show_if: the same rules as the server's
 * (Condition.java and StepVisibility.java), and both are tested against one file of cases.
 * Loaded by the app page, and by Node in the app's tests.
 */
(function (root) {
  "use strict";

  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const isNumber = (v) => typeof v === "number" && Number.isFinite(v);

  /** Whether the answers given so far ({step id: value}) meet the condition. */
  function test(condition, answers) {
    if (condition.all) return condition.all.every((each) => test(each, answers));
    if (condition.any) return condition.any.some((each) => test(each, answers));
    if (has(condition, "answered")) return has(answers, condition.step) === condition.answered;
    const value = answers[condition.step];
    if (value === undefined || value === null) return false;
    if (has(condition, "equals")) {
      return isNumber(value) && isNumber(condition.equals)
        ? value === condition.equals
        : JSON.stringify(value) === JSON.stringify(condition.equals);
    }
    if (has(condition, "in")) {
      return Array.isArray(value)
        ? value.some((chosen) => condition.in.includes(chosen))
        : typeof value === "string" && condition.in.includes(value);
    }
    if (!isNumber(value)) return false;
    if (has(condition, "gt")) return value > condition.gt;
    if (has(condition, "gte")) return value >= condition.gte;
    if (has(condition, "lt")) return value < condition.lt;
    return value <= condition.lte;
  }

  /** The ids of the steps the answers hide, in step order; a hidden step's answer counts for nothing. */
  function hidden(steps, answers) {
    const shown = {};
    const out = [];
    for (const step of steps) {
      if (step.show_if && !test(step.show_if, shown)) out.push(step.id);
      else if (has(answers, step.id)) shown[step.id] = answers[step.id];
    }
    return out;
  }

  const api = { test, hidden };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.RundunConditions = api;
})(this);
