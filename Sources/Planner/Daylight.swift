//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS
import Foundation

/// Sunrise and sunset, for travellers who may not walk in the dark (CROW ZR-14, night-blind).
///
/// NOAA's general solar position (the equation of time and the declination as Fourier series
/// of the fractional year), with the sun's upper limb at the horizon and standard refraction
/// (zenith 90.833°): within about three minutes of the almanac at the latitudes of Europe (the
/// equation of time and declination are taken at noon), which a test checks against `astral`.
public enum Daylight {
    /// Unix seconds of sunrise and sunset at `place` on the civil date `date` (UTC days: the
    /// sun sets before midnight UTC anywhere in Europe); `nil` on a day without sunrise or
    /// without sunset (polar night or day).
    public static func sunriseAndSunset(on date: ServiceDate, at place: Coordinate) -> (sunrise: Int64, sunset: Int64)? {
        let dayOfYear = date.dayNumber - ServiceDate.dayNumber(year: date.year, month: 1, day: 1)
        let daysInYear = Double(ServiceDate.dayNumber(year: date.year + 1, month: 1, day: 1) - ServiceDate.dayNumber(year: date.year, month: 1, day: 1))
        // At noon: the fractional year in radians.
        let g = 2 * Double.pi / daysInYear * Double(dayOfYear)
        let equationOfTime = 229.18 * (0.000075 + 0.001868 * cos(g) - 0.032077 * sin(g) - 0.014615 * cos(2 * g) - 0.040849 * sin(2 * g))
        let declination = 0.006918 - 0.399912 * cos(g) + 0.070257 * sin(g) - 0.006758 * cos(2 * g) + 0.000907 * sin(2 * g)
            - 0.002697 * cos(3 * g) + 0.00148 * sin(3 * g)
        let latitude = place.latitude * .pi / 180
        let zenith = 90.833 * Double.pi / 180
        let cosHourAngle = cos(zenith) / (cos(latitude) * cos(declination)) - tan(latitude) * tan(declination)
        guard (-1 ... 1).contains(cosHourAngle) else { return nil }
        let hourAngle = acos(cosHourAngle) * 180 / .pi
        // Minutes after 00:00 UTC.
        let sunrise = 720 - 4 * (place.longitude + hourAngle) - equationOfTime
        let sunset = 720 - 4 * (place.longitude - hourAngle) - equationOfTime
        let midnight = Int64(date.dayNumber) * 86_400
        return (midnight + Int64((sunrise * 60).rounded()), midnight + Int64((sunset * 60).rounded()))
    }
}
