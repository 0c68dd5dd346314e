/**
 * Each organisation's run list: its runs in creation order, kept on the organisation's partition
 * from the run changes the run stage re-keys by organisation, so that one page is a range read.
 */
package app.rundun.processor.runlist;
