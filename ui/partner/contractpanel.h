#pragma once

#include <QGroupBox>

class QLabel;

namespace bd {

struct TrusteeBillingOverview;

/// The contract of the period shown: subscription type, currency, ramp, contract dates, minimum monthly
/// amount and enabled products.
class ContractPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContractPanel)

public:
    explicit ContractPanel(QWidget* parent = nullptr);

    /// Shows this period's contract; null clears the panel.
    void setOverview(const TrusteeBillingOverview* overview);
    /// The value text of a field by its objectName (e.g. "contractSubscriptionType"), for tests.
    QString fieldText(const QString& objectName) const;

private:
    QLabel* addField(int row, int column, const QString& label, const QString& objectName);

    QLabel* m_subscription;
    QLabel* m_currency;
    QLabel* m_ramp;
    QLabel* m_inRamp;
    QLabel* m_effective;
    QLabel* m_amendment;
    QLabel* m_end;
    QLabel* m_minimum;
    QLabel* m_products;
};

} // namespace bd
