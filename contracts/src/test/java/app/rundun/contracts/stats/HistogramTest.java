package app.rundun.contracts.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void valuesCountInTheSmallestOneTwoFiveBoundAtOrAboveThem() {
    Histogram histogram =
        Histogram.EMPTY.plus(3).plus(5).plus(0).plus(-0.3).plus(7.5).plus(1e12).plus(5);

    assertThat(histogram.buckets())
        .containsExactly(
            new Histogram.Bucket(-0.2, 1),
            new Histogram.Bucket(0.0, 1),
            new Histogram.Bucket(5.0, 3),
            new Histogram.Bucket(10.0, 1),
            new Histogram.Bucket(null, 1));
  }

  @Test
  void aQuantileIsAtMostTheBoundOfItsBucketAndNeverAboveTheLargestValue() {
    Histogram histogram = Histogram.EMPTY;
    for (int seconds = 1; seconds <= 10; seconds++) {
      histogram = histogram.plus(seconds * 30);
    }

    assertThat(histogram.quantile(0.5, 300)).as("150 s lies in (100, 200]").isEqualTo(200);
    assertThat(histogram.quantile(0.9, 300)).as("270 s, capped at the largest").isEqualTo(300);
    assertThat(Histogram.EMPTY.quantile(0.5, 0)).isNull();
  }

  @Test
  void aSummaryKeepsCountMinMaxAndMeanExactly() {
    NumberSummary summary = NumberSummary.NONE.plus(10).plus(30).plus(20);

    assertThat(summary.count()).isEqualTo(3);
    assertThat(summary.min()).isEqualTo(10);
    assertThat(summary.max()).isEqualTo(30);
    assertThat(summary.mean()).isEqualTo(20);
    assertThat(summary.median()).isEqualTo(20);
  }
}
