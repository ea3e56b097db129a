//! Running sums over one unit's observations in one window. The database (or any caller) can
//! add them up per unit and day, so the lift never needs the observations themselves.

/// Sums over one unit's observations in one window: enough for the mean and the time trend.
/// `t` is a day number (any fixed origin); values may arrive as per-day totals.
///
/// The trend is taken from raw sums, so choose an origin near the data (days since the
/// pilot's start, say): day numbers in the millions would cost the slope its precision.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    pub n: f64,
    pub sum: f64,
    pub sum_sq: f64,
    pub sum_t: f64,
    pub sum_tt: f64,
    pub sum_tv: f64,
}

impl Moments {
    pub fn add(&mut self, t: f64, value: f64) {
        self.add_day(t, 1.0, value, value * value);
    }

    /// A day's bucket: `n` observations on day `t` whose values add up to `total` (squares to `total_sq`).
    pub fn add_day(&mut self, t: f64, n: f64, total: f64, total_sq: f64) {
        self.n += n;
        self.sum += total;
        self.sum_sq += total_sq;
        self.sum_t += n * t;
        self.sum_tt += n * t * t;
        self.sum_tv += t * total;
    }

    pub fn merge(&mut self, other: &Moments) {
        self.n += other.n;
        self.sum += other.sum;
        self.sum_sq += other.sum_sq;
        self.sum_t += other.sum_t;
        self.sum_tt += other.sum_tt;
        self.sum_tv += other.sum_tv;
    }

    /// The mean value; none when there are no observations.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0.0).then(|| self.sum / self.n)
    }

    /// The mean day; none when there are no observations.
    pub fn mean_t(&self) -> Option<f64> {
        (self.n > 0.0).then(|| self.sum_t / self.n)
    }

    /// Σ (t - mean t)(v - mean v): the numerator of this unit's own slope.
    pub fn co_spread(&self) -> f64 {
        if self.n > 0.0 {
            self.sum_tv - self.sum_t * self.sum / self.n
        } else {
            0.0
        }
    }

    /// Σ (t - mean t)²: the denominator of this unit's own slope (never negative).
    pub fn time_spread(&self) -> f64 {
        if self.n > 0.0 {
            (self.sum_tt - self.sum_t * self.sum_t / self.n).max(0.0)
        } else {
            0.0
        }
    }
}

/// The slope per day within units (each unit's own level removed), pooled over units:
/// Σ co-spread / Σ time spread. None when no unit has observations on two different days.
pub fn within_unit_slope<'a>(windows: impl IntoIterator<Item = &'a Moments>) -> Option<f64> {
    let (co, spread) = windows.into_iter().fold((0.0, 0.0), |(co, spread), m| {
        (co + m.co_spread(), spread + m.time_spread())
    });
    // Relative to the spread's size, so rounding in the raw sums is not taken for a trend.
    (spread > 1e-9).then(|| co / spread)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn adding_one_by_one_fills_every_sum() {
        let mut m = Moments::default();
        m.add(1.0, 10.0);
        m.add(3.0, 14.0);
        assert_eq!(
            m,
            Moments {
                n: 2.0,
                sum: 24.0,
                sum_sq: 100.0 + 196.0,
                sum_t: 4.0,
                sum_tt: 10.0,
                sum_tv: 10.0 + 42.0,
            }
        );
        assert_eq!(m.mean(), Some(12.0));
        assert_eq!(m.mean_t(), Some(2.0));
        // Slope (14 - 10) / (3 - 1) = 2: co-spread 4, time spread 2.
        assert!(close(m.co_spread(), 4.0));
        assert!(close(m.time_spread(), 2.0));
    }

    #[test]
    fn a_day_bucket_equals_its_observations_added_singly() {
        let mut singly = Moments::default();
        for v in [3.0, 5.0, 10.0] {
            singly.add(7.0, v);
        }
        let mut bucket = Moments::default();
        bucket.add_day(7.0, 3.0, 18.0, 9.0 + 25.0 + 100.0);
        assert_eq!(singly, bucket);
        assert_eq!(bucket.mean(), Some(6.0));
        assert_eq!(bucket.time_spread(), 0.0, "one day has no time spread");
    }

    #[test]
    fn merging_equals_adding_everything_to_one() {
        let mut a = Moments::default();
        a.add(1.0, 2.0);
        a.add(2.0, 4.0);
        let mut b = Moments::default();
        b.add(5.0, 11.0);
        let mut all = Moments::default();
        for (t, v) in [(1.0, 2.0), (2.0, 4.0), (5.0, 11.0)] {
            all.add(t, v);
        }
        a.merge(&b);
        assert_eq!(a, all);
    }

    #[test]
    fn an_empty_window_has_no_mean() {
        let m = Moments::default();
        assert_eq!(m.mean(), None);
        assert_eq!(m.mean_t(), None);
        assert_eq!((m.co_spread(), m.time_spread()), (0.0, 0.0));
    }

    #[test]
    fn the_pooled_slope_removes_each_units_level() {
        // Two units rising 0.5 a day from levels 10 and 100: a pooled regression without
        // unit levels would see a steep slope; within units it is 0.5.
        let mut low = Moments::default();
        let mut high = Moments::default();
        for t in [0.0, 4.0, 8.0] {
            low.add(t, 10.0 + 0.5 * t);
        }
        for t in [20.0, 30.0] {
            high.add(t, 100.0 + 0.5 * t);
        }
        assert!(close(within_unit_slope([&low, &high]).unwrap(), 0.5));
        let mut flat = Moments::default();
        flat.add(3.0, 1.0);
        assert_eq!(within_unit_slope([&flat]), None);
    }
}
