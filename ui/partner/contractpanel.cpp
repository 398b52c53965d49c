#include "ui/partner/contractpanel.h"

#include "domain/trusteebillingoverview.h"

#include <QGridLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace bd {

namespace {

QString dateText(const std::optional<QDateTime>& date)
{
    return date ? date->date().toString(Qt::ISODate) : u"—"_s;
}

} // namespace

ContractPanel::ContractPanel(QWidget* parent)
    : QGroupBox(tr("Contract"), parent)
{
    setObjectName(u"contractPanel"_s);
    auto* grid = new QGridLayout(this);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(4);
    m_subscription = addField(0, 0, tr("Subscription"), u"contractSubscriptionType"_s);
    m_currency = addField(0, 1, tr("Currency"), u"contractCurrency"_s);
    m_minimum = addField(0, 2, tr("Minimum monthly"), u"contractMinimum"_s);
    m_effective = addField(1, 0, tr("Effective"), u"contractEffective"_s);
    m_amendment = addField(1, 1, tr("Amended"), u"contractAmendment"_s);
    m_end = addField(1, 2, tr("Ends"), u"contractEnd"_s);
    m_ramp = addField(2, 0, tr("Ramp period"), u"contractRamp"_s);
    m_inRamp = addField(2, 1, tr("In ramp"), u"contractInRamp"_s);
    auto* productsLabel = new QLabel(tr("Enabled products"), this);
    productsLabel->setStyleSheet(u"color: palette(mid);"_s);
    m_products = new QLabel(this);
    m_products->setObjectName(u"contractProducts"_s);
    m_products->setWordWrap(true);
    m_products->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(productsLabel, 3, 0);
    grid->addWidget(m_products, 3, 1, 1, 5);
    for (int c = 1; c < 6; c += 2)
        grid->setColumnStretch(c, 1);
    setOverview(nullptr);
}

QLabel* ContractPanel::addField(int row, int column, const QString& label, const QString& objectName)
{
    auto* grid = static_cast<QGridLayout*>(layout());
    auto* name = new QLabel(label, this);
    name->setStyleSheet(u"color: palette(mid);"_s);
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(name, row, column * 2);
    grid->addWidget(value, row, column * 2 + 1);
    return value;
}

void ContractPanel::setOverview(const TrusteeBillingOverview* o)
{
    if (!o) {
        for (QLabel* label : { m_subscription, m_currency, m_ramp, m_inRamp, m_effective, m_amendment, m_end,
                 m_minimum, m_products })
            label->setText(u"—"_s);
        return;
    }
    m_subscription->setText(o->subscriptionType);
    m_currency->setText(o->currency);
    m_minimum->setText(
        o->minimumMonthlyAmount ? u"%1 %2"_s.arg(o->currency, o->minimumMonthlyAmount->toString(2)) : u"—"_s);
    m_effective->setText(dateText(o->contractEffectiveDate));
    m_amendment->setText(dateText(o->contractAmendmentDate));
    m_end->setText(dateText(o->contractEndDate));
    if (o->rampPeriodStartDate || o->rampPeriodEndDate)
        m_ramp->setText(u"%1 – %2"_s.arg(dateText(o->rampPeriodStartDate), dateText(o->rampPeriodEndDate)));
    else
        m_ramp->setText(tr("none"));
    m_inRamp->setText(
        o->inRampPeriod ? (*o->inRampPeriod ? tr("yes — this period is in the ramp") : tr("no")) : u"—"_s);
    m_products->setText(o->enabledProducts.isEmpty() ? u"—"_s : o->enabledProducts.join(u", "_s));
}

QString ContractPanel::fieldText(const QString& objectName) const
{
    const auto* label = findChild<QLabel*>(objectName);
    return label ? label->text() : QString();
}

} // namespace bd
