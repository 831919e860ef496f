/// Which suppressed counts a set of published totals determines exactly: the audit behind secondary
/// suppression over overlapping groups.
///
/// In one year, each published total (the alliance's, a group's) is a linear equation in the counts it
/// adds up; the published counts are known, so what remains is an equation in the suppressed ones:
/// `Σ x_s (s suppressed, in the group) = total − Σ published members`. A suppressed count `x_s` can be
/// worked out from the totals exactly when some linear combination of those equations is `x_s = …`,
/// that is when the unit vector of `s` lies in the row space of the equations' 0/1 matrix. With the
/// matrix in reduced row echelon form, that holds for a pivot column whose row has no other non-zero
/// entry in a free column; a free column is never determined (it can move, the others making up for
/// it). This is the linear ("exact") attack of statistical disclosure control; intervals that the
/// non-negativity of counts narrows are not audited.
///
/// The elimination is exact, in rationals of 64-bit integers kept in lowest terms; where an entry would
/// overflow (never seen with 0/1 rows; the numbers stay as small as the matrix's minors), the audit
/// answers `nil` and the caller withholds what it cannot prove safe.
enum DisclosureAudit {
    /// The columns (suppressed counts, `0..<columns`) that `rows` (each the columns a published total
    /// adds up, coefficient 1) determine; `nil` when the exact arithmetic would overflow or the steps of
    /// elimination (an entry read or updated) would exceed `budget`. The steps taken are taken off
    /// `budget`; the check comes before each row's update, so the work is bounded by the budget plus
    /// one row's.
    static func determined(rows: [[Int]], columns: Int, budget: inout Int) -> Set<Int>? {
        guard budget > 0, rows.count <= budget / max(1, columns) else { return nil }
        budget -= rows.count * columns
        var matrix: [[Rational]] = rows.map { row in
            var entries = Array(repeating: Rational.zero, count: columns)
            for column in row where column >= 0 && column < columns { entries[column] = .one }
            return entries
        }
        var pivots: [(row: Int, column: Int)] = []
        var nextRow = 0
        for column in 0..<columns where nextRow < matrix.count {
            guard let found = (nextRow..<matrix.count).first(where: { !matrix[$0][column].isZero }) else {
                continue
            }
            matrix.swapAt(nextRow, found)
            let pivot = matrix[nextRow][column]
            for index in column..<columns {
                guard let scaled = matrix[nextRow][index].dividedBy(pivot) else { return nil }
                matrix[nextRow][index] = scaled
            }
            for other in matrix.indices where other != nextRow && !matrix[other][column].isZero {
                budget -= columns - column
                guard budget >= 0 else { return nil }
                let factor = matrix[other][column]
                for index in column..<columns where !matrix[nextRow][index].isZero {
                    guard let product = factor.times(matrix[nextRow][index]),
                        let difference = matrix[other][index].minus(product)
                    else { return nil }
                    matrix[other][index] = difference
                }
            }
            pivots.append((nextRow, column))
            nextRow += 1
        }
        let pivotColumns = Set(pivots.map(\.column))
        var result: Set<Int> = []
        for (row, column) in pivots {
            let alone = (0..<columns).allSatisfy { other in
                other == column || pivotColumns.contains(other) || matrix[row][other].isZero
            }
            if alone { result.insert(column) }
        }
        return result
    }

    /// A fraction in lowest terms with a positive denominator; every operation says `nil` on overflow.
    struct Rational: Equatable {
        var numerator: Int
        var denominator: Int

        static let zero = Rational(numerator: 0, denominator: 1)
        static let one = Rational(numerator: 1, denominator: 1)

        var isZero: Bool { numerator == 0 }

        /// `numerator / denominator` in lowest terms; `nil` for a zero denominator or on overflow.
        static func make(_ numerator: Int, _ denominator: Int) -> Rational? {
            guard denominator != 0, numerator != .min, denominator != .min else { return nil }
            let divisor = gcd(abs(numerator), abs(denominator))
            let sign = denominator < 0 ? -1 : 1
            return Rational(numerator: sign * numerator / divisor, denominator: sign * denominator / divisor)
        }

        func times(_ other: Rational) -> Rational? {
            let (top, topOverflow) = numerator.multipliedReportingOverflow(by: other.numerator)
            let (bottom, bottomOverflow) = denominator.multipliedReportingOverflow(by: other.denominator)
            return topOverflow || bottomOverflow ? nil : .make(top, bottom)
        }

        func dividedBy(_ other: Rational) -> Rational? {
            guard !other.isZero else { return nil }
            return times(Rational(numerator: other.denominator, denominator: other.numerator))
        }

        func minus(_ other: Rational) -> Rational? {
            let (left, leftOverflow) = numerator.multipliedReportingOverflow(by: other.denominator)
            let (right, rightOverflow) = other.numerator.multipliedReportingOverflow(by: denominator)
            let (top, topOverflow) = left.subtractingReportingOverflow(right)
            let (bottom, bottomOverflow) = denominator.multipliedReportingOverflow(by: other.denominator)
            guard !(leftOverflow || rightOverflow || topOverflow || bottomOverflow) else { return nil }
            return .make(top, bottom)
        }

        private static func gcd(_ a: Int, _ b: Int) -> Int {
            var (a, b) = (a, b)
            while b != 0 { (a, b) = (b, a % b) }
            return max(a, 1)
        }
    }
}
