#include "ui/statusstrip.h"

#include "ui/dashboardpage.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace bd {

StatusStrip::StatusStrip(QStatusBar* bar)
    : QObject(bar)
    , m_text(new QLabel(bar))
    , m_token(new QLabel(bar))
    , m_heldBack(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_cancel(new QToolButton(bar))
{
    m_text->setObjectName(u"statusText"_s);
    m_token->setObjectName(u"tokenLabel"_s);
    m_heldBack->setObjectName(u"heldBackLabel"_s);
    m_heldBack->setToolTip(tr("Genesys Cloud allows about 300 requests a minute; the dashboard waits rather "
                              "than be refused"));
    m_heldBack->hide();
    m_progress->setObjectName(u"progress"_s);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading (Esc)"));
    connect(m_cancel, &QToolButton::clicked, this, &StatusStrip::cancelRequested);
    bar->addWidget(m_text, 1);
    bar->addPermanentWidget(m_heldBack);
    bar->addPermanentWidget(m_token);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    showStatus({});
}

StatusStrip::~StatusStrip() = default;

void StatusStrip::showStatus(const PageStatus& status)
{
    m_text->setText(status.text);
    m_progress->setVisible(status.total > 0 && status.busy);
    m_progress->setRange(0, std::max(1, status.total));
    m_progress->setValue(status.done);
    m_cancel->setEnabled(status.busy);
}

void StatusStrip::showText(const QString& text)
{
    m_text->setText(text);
}

void StatusStrip::setHeldBackText(const QString& text)
{
    m_heldBack->setText(text);
    m_heldBack->setVisible(!text.isEmpty());
}

void StatusStrip::setTokenText(const QString& text)
{
    m_token->setText(text);
}

} // namespace bd
